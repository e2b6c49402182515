using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Procedures.Induction;

namespace ProceduralMemory.Tests.Tools.Procedures.Induction;

public sealed class ProcedureInducerTests
{
    private static ProcedureInducer Induce(params ToolDemonstration[] demonstrations)
    {
        var inducer = new ProcedureInducer(new LibraryWorld());
        foreach (ToolDemonstration demonstration in demonstrations)
            inducer.Add(demonstration);
        return inducer;
    }

    [Fact]
    public void Add_CountsDemonstrationsAndSubgoals()
    {
        var twoChanges = new ToolDemonstration("d", "Return Dune from loan L-20417. Renew loan L-20417 for one week.",
            [LibraryWorld.Return("L-20417", "bk_2001"), LibraryWorld.Renew("L-20417", "one week")]);

        ProcedureInducer inducer = Induce(Demonstrations.ReturnAda, twoChanges);

        Assert.Equal(2, inducer.Demonstrations);
        Assert.Equal(3, inducer.Subgoals);
    }

    [Fact]
    public void Procedures_AreOnePerKindOfSubgoal_MostDemonstratedFirst()
    {
        var procedures = Induce(Demonstrations.RenewAlan, Demonstrations.ReturnAda, Demonstrations.ReturnGrace).Procedures();

        Assert.Equal(["return_books", "renew_loan"], procedures.Select(p => p.Steps[^1].Tool));
        Assert.Equal(2, procedures[0].Demonstrations.Count);
    }

    [Fact]
    public void LabelledClauses_AreEveryClauseInOrder_EachWithTheProcedureItsSubgoalMergesInto()
    {
        var twoChanges = new ToolDemonstration("d", "Hello. Return Dune from loan L-20417. Renew loan L-20417 for one week.",
            [LibraryWorld.Return("L-20417", "bk_2001"), LibraryWorld.Renew("L-20417", "one week")]);
        ProcedureInducer inducer = Induce(Demonstrations.RenewAlan, twoChanges);

        var labelled = inducer.LabelledClauses();

        Assert.Equal(["This is Alan Turing.", "Could you renew loan L-40112 for two weeks?", "Hello.", "Return Dune from loan L-20417.",
            "Renew loan L-20417 for one week."], labelled.Select(l => l.Clause));
        string renew = labelled[1].Procedure, giveBack = labelled[3].Procedure;
        Assert.StartsWith("renew_loan(", renew, StringComparison.Ordinal);
        Assert.StartsWith("return_books(", giveBack, StringComparison.Ordinal);
        Assert.Equal([ProcedureInducer.NoProcedure, renew, ProcedureInducer.NoProcedure, giveBack, renew], labelled.Select(l => l.Procedure));
    }

    [Fact]
    public void Procedures_OfNothing_AreNone() => Assert.Empty(new ProcedureInducer(new LibraryWorld()).Procedures());

    [Fact]
    public void Procedures_FromOnlyStateChangingCalls_IncludeTheLookUpsThatExplainThem()
    {
        Procedure returns = Induce(Demonstrations.ReturnAda, Demonstrations.ReturnGrace).Procedures().Single();

        // The loan is read from the id the text names, and the books to return are the ones on it the text names.
        int loanRead = returns.Steps.ToList().FindIndex(s => s.Tool == "get_loan");
        Assert.True(loanRead >= 0);
        Assert.Equal(new SlotValue("loan_id"), returns.Steps[loanRead].Arguments.Single(a => a.Parameter == "loan_id").Source);
        Assert.Equal(new ResultValue(loanRead, "$.books[*][mentioned:title].book_id"),
            returns.Steps[^1].Arguments.Single(a => a.Parameter == "book_ids").Source);
        Assert.Equal([ValueShape.Of("L-20417")], returns.Slots.Single(s => s.Name == "loan_id").Shapes);
    }

    [Theory]
    [InlineData("Hey, I'm Mary Shelley. I want to return The Hobbit and Beloved from loan L-50290.", "L-50290", "bk_2011", "bk_2005")]
    [InlineData("Please return Frankenstein on loan L-40112.", "L-40112", "bk_2009")]
    public void Procedures_RunOnANewInstruction_ReachTheGroundTruthState(string instruction, string loan, params string[] books)
    {
        var world = new LibraryWorld();
        var inducer = new ProcedureInducer(world);
        inducer.Add(Demonstrations.ReturnAda);
        inducer.Add(Demonstrations.ReturnGrace);
        Procedure returns = inducer.Procedures().Single();
        world.Reset(LibraryWorld.Task("new", instruction, LibraryWorld.Return(loan, books)));

        ProcedureRun run = new ProcedureRunner(world).Run(returns, instruction, instruction);

        Assert.True(run.Completed, run.Failure);
        Assert.True(world.Evaluate([]).Success);
    }

    [Fact]
    public void Procedures_RunOnANewInstruction_FillTheEnumSlotWithAnOptionNeverDemonstrated()
    {
        const string instruction = "Could you renew loan L-30021 for one week?";
        var world = new LibraryWorld();
        var inducer = new ProcedureInducer(world);
        inducer.Add(Demonstrations.RenewAlan);
        inducer.Add(Demonstrations.RenewAda);
        Procedure renew = inducer.Procedures().Single();
        world.Reset(LibraryWorld.Task("new", instruction, LibraryWorld.Renew("L-30021", "one week")));

        ProcedureRun run = new ProcedureRunner(world).Run(renew, instruction, instruction);

        Assert.True(run.Completed, run.Failure);
        Assert.True(world.Evaluate([]).Success);
    }

    [Fact]
    public void Constructor_RefusesNoEnvironment() => Assert.Throws<ArgumentNullException>(() => new ProcedureInducer(null!));
}
