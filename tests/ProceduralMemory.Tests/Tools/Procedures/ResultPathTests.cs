using System.Text.Json.Nodes;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tests.Tools.Procedures;

public sealed class ResultPathTests
{
    private static readonly JsonNode Loan = JsonNode.Parse("""
        {
          "loan_id": "L-1",
          "due date": "Friday",
          "books": [
            {"title": "Dune", "book_id": "b1", "colour": "red", "open": true},
            {"title": "Emma", "book_id": "b2", "colour": "blue", "open": false},
            {"title": "Solaris", "book_id": "b3", "colour": "red", "open": true}
          ],
          "editions": {"e-1": {"format": "paperback"}, "e-2": {"format": "hardcover"}}
        }
        """)!;

    private static string[] Strings(string path, string text = "") =>
        [.. ResultPath.Evaluate(Loan, path, text).Select(n => n.GetValue<string>())];

    [Fact]
    public void Evaluate_DollarAlone_IsTheRoot() => Assert.Same(Loan, Assert.Single(ResultPath.Evaluate(Loan, "$", "")));

    [Fact]
    public void Evaluate_DotName_SelectsAMember() => Assert.Equal(["L-1"], Strings("$.loan_id"));

    [Fact]
    public void Evaluate_QuotedName_SelectsAMemberWhoseNameIsNoIdentifier()
    {
        Assert.Equal(["Friday"], Strings("$['due date']"));
        Assert.Equal(["paperback"], Strings("$.editions['e-1'].format"));
    }

    [Fact]
    public void Evaluate_Index_SelectsAnElement_AndPastTheEndNothing()
    {
        Assert.Equal(["b2"], Strings("$.books[1].book_id"));
        Assert.Empty(Strings("$.books[3].book_id"));
    }

    [Fact]
    public void Evaluate_Star_SelectsEveryElementOrMemberValue()
    {
        Assert.Equal(["b1", "b2", "b3"], Strings("$.books[*].book_id"));
        Assert.Equal(["paperback", "hardcover"], Strings("$.editions[*].format"));
    }

    [Fact]
    public void Evaluate_FieldEqualsJson_KeepsTheNodesWithThatValue()
    {
        Assert.Equal(["b1", "b3"], Strings("$.books[*][open=true].book_id"));
        Assert.Equal(["b2"], Strings("""$.books[*][colour="blue"].book_id"""));
    }

    [Fact]
    public void Evaluate_Mentioned_KeepsTheNodesTheTextNames_InTheTextsOrder()
    {
        Assert.Equal(["b3", "b1"], Strings("$.books[*][mentioned:title].book_id", "return Solaris and then dune"));
        Assert.Empty(Strings("$.books[*][mentioned:title].book_id", "return nothing"));
    }

    [Fact]
    public void Evaluate_Mentioned_OfTwoNodesWithOneName_KeepsTheOneWhoseOtherValuesTheTextNames()
    {
        JsonNode shirts = JsonNode.Parse("""[{"name":"T-Shirt","id":"s1","colour":"blue"},{"name":"T-Shirt","id":"s2","colour":"red"}]""")!;

        var found = ResultPath.Evaluate(shirts, "$[*][mentioned:name].id", "return the red t-shirt");

        Assert.Equal("s2", Assert.Single(found).GetValue<string>());
    }

    [Fact]
    public void Evaluate_Best_KeepsTheNodeTheTextMentionsMost()
    {
        Assert.Equal(["b3"], Strings("$.books[*][best].book_id", "the red Solaris"));
    }

    [Fact]
    public void Evaluate_Best_BreaksTiesByTheLaterMention()
    {
        // Both red books are mentioned once by colour; Solaris is named after Dune.
        Assert.Equal(["b3"], Strings("$.books[*][best].book_id", "swap Dune for Solaris"));
        Assert.Equal(["b1"], Strings("$.books[*][best].book_id", "swap Solaris for Dune"));
    }

    [Fact]
    public void Evaluate_MissingMembersAndNullRoots_GiveNothing()
    {
        Assert.Empty(Strings("$.nothing.here"));
        Assert.Empty(ResultPath.Evaluate(null, "$.loan_id", ""));
    }

    [Theory]
    [InlineData("loan_id")]
    [InlineData("$.books[0")]
    [InlineData("$.books[odd]")]
    [InlineData("$x")]
    public void Evaluate_MalformedPath_Throws(string path) =>
        Assert.Throws<FormatException>(() => ResultPath.Evaluate(Loan, path, ""));

    [Fact]
    public void Find_GivesEveryPathToAnEqualLeaf_ShortestFirst()
    {
        JsonNode root = JsonNode.Parse("""{"a":{"deep":{"x":"red"}},"b":["red"],"c":"red","d":"Red"}""")!;

        Assert.Equal(["$.c", "$.b[0]", "$.a.deep.x"], ResultPath.Find(root, JsonValue.Create("red")));
    }

    [Fact]
    public void Find_EveryPathFound_EvaluatesBackToTheValue()
    {
        foreach (string path in ResultPath.Find(Loan, JsonValue.Create("hardcover")))
            Assert.Equal("hardcover", Assert.Single(ResultPath.Evaluate(Loan, path, "")).GetValue<string>());
    }

    [Theory]
    [InlineData("loan_id", ".loan_id")]
    [InlineData("_x1", "._x1")]
    [InlineData("e-1", "['e-1']")]
    [InlineData("1st", "['1st']")]
    [InlineData("due date", "['due date']")]
    public void Member_QuotesNamesThatAreNoIdentifiers(string name, string expected) =>
        Assert.Equal(expected, ResultPath.Member(name));
}
