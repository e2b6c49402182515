using System.Text.Json;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Procedures.Induction;

namespace ProceduralMemory.Tests.Tools.Procedures.Induction;

public sealed class DemonstrationExplainerTests
{
    private static IReadOnlyList<SubgoalDraft> Explain(ToolDemonstration demonstration) =>
        new DemonstrationExplainer(new LibraryWorld()).Explain(demonstration);

    [Fact]
    public void Explain_GivesOneSubgoalPerStateChange_InOrder()
    {
        var demonstration = new ToolDemonstration("d", "Return Dune from loan L-20417. Then renew loan L-20417 for one week.",
            [LibraryWorld.Read("get_loan", "loan_id", "L-20417"), LibraryWorld.Return("L-20417", "bk_2001"), LibraryWorld.Renew("L-20417", "one week")]);

        var drafts = Explain(demonstration);

        Assert.Equal(["return_books", "renew_loan"], drafts.Select(d => d.Call.Name));
        Assert.Equal("Return Dune from loan L-20417.", drafts[0].Clause);
        Assert.Equal("Then renew loan L-20417 for one week.", drafts[1].Clause);
        Assert.Equal("renew_loan(loan_id,period)", drafts[1].Signature);
    }

    [Fact]
    public void Explain_AValueTheTextNames_IsASlot_AndAnEnumeratedOneIsMarkedSo()
    {
        SubgoalDraft draft = Assert.Single(Explain(Demonstrations.RenewAlan));

        Assert.Equal(("L-40112", "text"), draft.Slots["loan_id"]);
        Assert.Equal(("two weeks", "enum"), draft.Slots["period"]);
        Assert.Equal(SourceDraft.OfSlot("period"), draft.Steps["renew_loan"].Arguments["period"][0]);
    }

    [Fact]
    public void Explain_ValuesTheTextDoesNotName_AreFoundInTheLookUpsResults()
    {
        SubgoalDraft draft = Assert.Single(Explain(Demonstrations.ReturnAda));

        StepDraft change = draft.Steps["return_books"];
        Assert.Contains(SourceDraft.OfResult("get_loan", "$.books[*][mentioned:title].book_id"), change.Arguments["book_ids"]);
        // The loan read is explained in turn: from the id the text names.
        Assert.Equal(SourceDraft.OfSlot("loan_id"), draft.Steps["get_loan"].Arguments["loan_id"][0]);
        // What the look-ups found that the clause names: the books (and the loan id, which masking treats as a slot first).
        Assert.Contains("Dune", draft.Particulars);
        Assert.Contains("Emma", draft.Particulars);
        Assert.DoesNotContain("Middlemarch", draft.Particulars);
    }

    [Fact]
    public void Explain_AValueNothingExplains_IsAConstant()
    {
        var demonstration = new ToolDemonstration("d", "Renew loan L-20417 please.", [LibraryWorld.Renew("L-20417", "two weeks")]);

        SubgoalDraft draft = Assert.Single(Explain(demonstration));

        SourceDraft period = Assert.Single(draft.Steps["renew_loan"].Arguments["period"]);
        Assert.Equal(SourceDraft.ConstantKind, period.Kind);
        Assert.Equal("\"two weeks\"", period.Constant!.Value.GetRawText());
    }

    [Fact]
    public void Explain_EveryResultPathKept_GivesBackTheDemonstratedValue()
    {
        var world = new LibraryWorld();
        ToolDemonstration demonstration = Demonstrations.ReturnAda;
        SubgoalDraft draft = Assert.Single(new DemonstrationExplainer(world).Explain(demonstration));
        world.Reset(LibraryWorld.Task("t", demonstration.Instruction));
        var pool = LookupPool.Build(world, demonstration.Instruction);

        var fromLoan = draft.Steps["return_books"].Arguments["book_ids"].Where(o => o.Kind == SourceDraft.ResultKind && o.StepKey == "get_loan").ToList();
        Assert.NotEmpty(fromLoan);
        PoolEntry loan = pool.Single(e => e.Call.SameAs(LibraryWorld.Read("get_loan", "loan_id", "L-20417")));
        foreach (SourceDraft option in fromLoan)
        {
            var found = ResultPath.Evaluate(loan.Result, option.Path!, draft.Clause).Select(n => n.GetValue<string>());
            Assert.Equal(["bk_2001", "bk_2002"], found.Order());
        }
    }

    [Fact]
    public void Explain_ResetsTheEnvironment_SoEarlierDemonstrationsLeaveNoTrace()
    {
        var world = new LibraryWorld();
        var explainer = new DemonstrationExplainer(world);
        world.Invoke(LibraryWorld.Return("L-20417", "bk_2001"));

        SubgoalDraft draft = Assert.Single(explainer.Explain(Demonstrations.ReturnAda));

        Assert.Contains(SourceDraft.OfResult("get_loan", "$.books[*][mentioned:title].book_id"), draft.Steps["return_books"].Arguments["book_ids"]);
    }

    [Fact]
    public void Explain_CallsOfUnknownTools_AreSkipped()
    {
        var demonstration = new ToolDemonstration("d", "Renew loan L-20417 for one week.",
            [new ToolCall("fax_librarian", JsonSerializer.SerializeToElement(new { })), LibraryWorld.Renew("L-20417", "one week")]);

        Assert.Equal(["renew_loan"], Explain(demonstration).Select(d => d.Call.Name));
    }
}
