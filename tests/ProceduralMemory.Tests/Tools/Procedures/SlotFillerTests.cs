using System.Text.Json;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tests.Tools.Procedures;

public sealed class SlotFillerTests
{
    private static readonly ProcedureSlot Name = new("first_name", "text") { Shapes = ["[A-Z][a-z]+"], Cues = ["is"] };
    private static readonly ProcedureSlot Loan = new("loan_id", "text") { Shapes = [ValueShape.Of("L-20417")] };

    [Fact]
    public void Candidates_PutSpansAfterACueWordFirst_ThenTextOrder()
    {
        const string text = "Hello there, my name is Ada and Bob is away.";

        Assert.Equal(["Ada", "Bob", "Hello"], SlotFiller.Candidates(Name, text, text, null));
    }

    [Fact]
    public void Candidates_SearchTheClauseBeforeTheRestOfTheText_OnceEach()
    {
        const string text = "Return loan L-20417. Renew loan L-30021.";

        Assert.Equal(["L-30021", "L-20417"], SlotFiller.Candidates(Loan, "Renew loan L-30021.", text, null));
    }

    [Fact]
    public void Candidates_AtOnePosition_PreferTheLongestSpan()
    {
        var city = new ProcedureSlot("city", "text") { Shapes = ["[A-Z][a-z]+", "[A-Z][a-z]+ [A-Z][a-z]+"] };

        Assert.Equal(["New York", "New", "York"], SlotFiller.Candidates(city, "New York", "New York", null));
    }

    [Fact]
    public void Candidates_OfAnEnumeratedParameter_AreTheOptionsTheTextNames_InTextOrder()
    {
        JsonElement schema = JsonDocument.Parse("""{"type":"string","enum":["one week","two weeks","four weeks"]}""").RootElement;
        var period = new ProcedureSlot("period", "enum");

        var found = SlotFiller.Candidates(period, "renew for four weeks, or two weeks", "renew for four weeks, or two weeks", schema);

        Assert.Equal(["four weeks", "two weeks"], found);
    }

    [Fact]
    public void Candidates_WithNoSpanOfTheShape_AreNone() =>
        Assert.Empty(SlotFiller.Candidates(Loan, "no loan named", "no loan named here", null));

    [Fact]
    public void ParameterSchema_FindsTheDeclaredParameterOnly()
    {
        ToolDefinition returnBooks = new LibraryWorld().Tools.Single(t => t.Name == "return_books");

        Assert.True(SlotFiller.IsArray(SlotFiller.ParameterSchema(returnBooks, "book_ids")));
        Assert.False(SlotFiller.IsArray(SlotFiller.ParameterSchema(returnBooks, "loan_id")));
        Assert.Null(SlotFiller.ParameterSchema(returnBooks, "nothing"));
        Assert.Null(SlotFiller.ParameterSchema(null, "loan_id"));
    }
}
