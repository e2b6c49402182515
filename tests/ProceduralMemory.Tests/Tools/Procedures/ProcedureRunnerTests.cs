using System.Text.Json;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tests.Tools.Procedures;

public sealed class ProcedureRunnerTests
{
    private static readonly ProcedureSlot LoanSlot = new("loan_id", "text") { Shapes = [ValueShape.Of("L-20417")] };
    private static readonly ProcedureSlot MemberSlot = new("member_id", "text") { Shapes = [ValueShape.Of("mem_1001")] };
    private static readonly ProcedureSlot PeriodSlot = new("period", "enum");
    private static readonly ProcedureSlot FirstSlot = new("first_name", "text") { Shapes = ["[A-Z][a-z]+"], Cues = ["am"] };
    private static readonly ProcedureSlot LastSlot = new("last_name", "text") { Shapes = ["[A-Z][a-z]+"], Cues = ["am"] };

    private static ProcedureStep Step(string tool, bool changesState, params (string Parameter, ValueSource Source)[] arguments) =>
        new(tool, [.. arguments.Select(a => new ArgumentBinding(a.Parameter, a.Source))], changesState);

    private static Procedure Procedure(IReadOnlyList<ProcedureSlot> slots, params ProcedureStep[] steps) => new("test", slots, steps, []);

    private static ConstantValue Constant(object value) => new(JsonSerializer.SerializeToElement(value));

    // get_loan from the text's loan id; return the books the text names on it.
    private static readonly Procedure ReturnNamedBooks = Procedure([LoanSlot],
        Step("get_loan", false, ("loan_id", new SlotValue("loan_id"))),
        Step("return_books", true, ("loan_id", new ResultValue(0, "$.loan_id")), ("book_ids", new ResultValue(0, "$.books[*][mentioned:title].book_id"))));

    private static (LibraryWorld World, ProcedureRunner Runner) Start(string instruction, params ToolCall[] truth)
    {
        var world = new LibraryWorld();
        world.Reset(LibraryWorld.Task("t", instruction, truth));
        return (world, new ProcedureRunner(world));
    }

    private static IEnumerable<string> Called(ProcedureRun run) => run.Steps.Select(s => s.Call.ToString());

    [Fact]
    public void Run_BindsSlotsResultsAndConstants()
    {
        const string text = "Please return Emma and Dune from loan L-20417.";
        var (world, runner) = Start(text, LibraryWorld.Return("L-20417", "bk_2002", "bk_2001"));
        Procedure withConstant = Procedure([LoanSlot],
            Step("get_loan", false, ("loan_id", new SlotValue("loan_id"))),
            Step("return_books", true, ("loan_id", new ResultValue(0, "$.loan_id")), ("book_ids", new ResultValue(0, "$.books[*][mentioned:title].book_id"))),
            Step("renew_loan", true, ("loan_id", new SlotValue("loan_id")), ("period", Constant("two weeks"))));

        ProcedureRun run = runner.Run(withConstant, text, text);

        Assert.True(run.Completed, run.Failure);
        Assert.Null(run.Failure);
        Assert.Equal([
            LibraryWorld.Read("get_loan", "loan_id", "L-20417").ToString(),
            LibraryWorld.Return("L-20417", "bk_2002", "bk_2001").ToString(),
            LibraryWorld.Renew("L-20417", "two weeks").ToString()], Called(run));
        Assert.Equal(["return_books", "renew_loan"], run.Changes(world.Tools.ToDictionary(t => t.Name)).Select(c => c.Name));
    }

    [Fact]
    public void Run_TheGroundTruthsStateIsReached()
    {
        const string text = "Hi. I return Middlemarch on loan L-20417.";
        var (world, runner) = Start(text, LibraryWorld.Return("L-20417", "bk_2003"));

        Assert.True(runner.Run(ReturnNamedBooks, text, text).Completed);
        Assert.True(world.Evaluate([]).Success);
    }

    [Fact]
    public void Run_SlotReadsTheClauseBeforeTheText()
    {
        const string text = "Loan L-20417 is fine. Renew loan L-30021 for one week.";
        var (world, runner) = Start(text);
        Procedure renew = Procedure([LoanSlot, PeriodSlot], Step("renew_loan", true, ("loan_id", new SlotValue("loan_id")), ("period", new SlotValue("period"))));

        ProcedureRun run = runner.Run(renew, "Renew loan L-30021 for one week.", text);

        Assert.Equal([LibraryWorld.Renew("L-30021", "one week").ToString()], Called(run));
    }

    [Theory]
    [InlineData(true, "L-20533")]
    [InlineData(false, "L-20417")]
    public void Run_AnyOf_TriesItsOptionsInOrder(bool constantFirst, string expected)
    {
        const string text = "Renew loan L-20417 for two weeks.";
        var (_, runner) = Start(text);
        ValueSource[] options = constantFirst ? [Constant("L-20533"), new SlotValue("loan_id")] : [new SlotValue("loan_id"), Constant("L-20533")];
        Procedure renew = Procedure([LoanSlot, PeriodSlot],
            Step("renew_loan", true, ("loan_id", new AnyOfValue(options)), ("period", new SlotValue("period"))));

        ProcedureRun run = runner.Run(renew, text, text);

        Assert.Equal([LibraryWorld.Renew(expected, "two weeks").ToString()], Called(run));
    }

    [Fact]
    public void Run_ForEach_CallsTheStepOncePerValue_AndALaterStepReadsEveryResult()
    {
        const string text = "Return Solaris and Ulysses from loan L-30021.";
        var (world, runner) = Start(text, LibraryWorld.Return("L-30021", "bk_2007", "bk_2008"));
        Procedure procedure = Procedure([LoanSlot],
            Step("get_loan", false, ("loan_id", new SlotValue("loan_id"))),
            Step("get_book", false, ("book_id", new ElementValue("$"))) with { ForEach = new ResultValue(0, "$.books[*][mentioned:title].book_id") },
            Step("return_books", true, ("loan_id", new SlotValue("loan_id")), ("book_ids", new ResultValue(1, "$.book_id"))));

        ProcedureRun run = runner.Run(procedure, text, text);

        Assert.True(run.Completed, run.Failure);
        Assert.Equal(["get_loan", "get_book", "get_book", "return_books"], run.Steps.Select(s => s.Call.Name));
        Assert.True(world.Evaluate([]).Success);
    }

    [Fact]
    public void Run_GoesBackToTheNextCandidate_WhenALaterStepCannotBeBound()
    {
        // Ada's first loan does not hold Neuromancer: return_books has no book ids there, so the second loan is read.
        const string text = "Member mem_1001 returns Neuromancer.";
        var (world, runner) = Start(text, LibraryWorld.Return("L-20533", "bk_2004"));
        Procedure procedure = Procedure([MemberSlot],
            Step("get_member", false, ("member_id", new SlotValue("member_id"))),
            Step("get_loan", false, ("loan_id", new ResultValue(0, "$.loans[*]"))),
            Step("return_books", true, ("loan_id", new ResultValue(1, "$.loan_id")), ("book_ids", new ResultValue(1, "$.books[*][mentioned:title].book_id"))));

        ProcedureRun run = runner.Run(procedure, text, text);

        Assert.True(run.Completed, run.Failure);
        Assert.Equal(["get_member", "get_loan", "get_loan", "return_books"], run.Steps.Select(s => s.Call.Name));
        Assert.True(world.Evaluate([]).Success);
    }

    [Fact]
    public void Run_GoesBackToTheNextCandidate_AfterAStateChangeIsRefused()
    {
        // Alan's first loan is closed: renewing it fails and changes nothing, so his open loan is renewed instead.
        const string text = "Member mem_1003 renews for two weeks.";
        var (world, runner) = Start(text, LibraryWorld.Renew("L-40112", "two weeks"));
        Procedure procedure = Procedure([MemberSlot, PeriodSlot],
            Step("get_member", false, ("member_id", new SlotValue("member_id"))),
            Step("renew_loan", true, ("loan_id", new ResultValue(0, "$.loans[*]")), ("period", new SlotValue("period"))));

        ProcedureRun run = runner.Run(procedure, text, text);

        Assert.True(run.Completed, run.Failure);
        Assert.Equal([false, true, false], run.Steps.Select(s => s.Result.IsError));
        Assert.Equal(LibraryWorld.Renew("L-40099", "two weeks").ToString(), run.Steps[1].Call.ToString());
        Assert.True(world.Evaluate([]).Success);
    }

    [Fact]
    public void Run_WhenEveryCandidateFails_ReportsTheFurthestStepsFailure()
    {
        const string text = "Member mem_1001 returns Frankenstein.";
        var (world, runner) = Start(text);
        Procedure procedure = Procedure([MemberSlot],
            Step("get_member", false, ("member_id", new SlotValue("member_id"))),
            Step("get_loan", false, ("loan_id", new ResultValue(0, "$.loans[*]"))),
            Step("return_books", true, ("loan_id", new ResultValue(1, "$.loan_id")), ("book_ids", new ResultValue(1, "$.books[*][mentioned:title].book_id"))));

        ProcedureRun run = runner.Run(procedure, text, text);

        Assert.False(run.Completed);
        Assert.Contains("step 3 return_books", run.Failure);
        Assert.Contains("book_ids", run.Failure);
        Assert.DoesNotContain(world.Invoked, c => c.Name == "return_books");
    }

    [Fact]
    public void Run_AStateChangeRefusedWithEveryBinding_ReportsTheToolsError()
    {
        const string text = "Renew loan L-40099 for two weeks.";
        var (_, runner) = Start(text);
        Procedure renew = Procedure([LoanSlot, PeriodSlot],
            Step("renew_loan", true, ("loan_id", new SlotValue("loan_id")), ("period", new SlotValue("period"))));

        ProcedureRun run = runner.Run(renew, text, text);

        Assert.False(run.Completed);
        Assert.Equal("step 1 renew_loan: Error: loan is closed", run.Failure);
    }

    [Fact]
    public void Run_ALookUpThatFindsNothing_IsPassedOver()
    {
        const string text = "Renew loan L-20417 for one week.";
        var (_, runner) = Start(text);
        Procedure procedure = Procedure([LoanSlot, PeriodSlot],
            Step("get_loan", false, ("loan_id", Constant("L-00000"))),
            Step("renew_loan", true, ("loan_id", new AnyOfValue([new ResultValue(0, "$.loan_id"), new SlotValue("loan_id")])), ("period", new SlotValue("period"))));

        ProcedureRun run = runner.Run(procedure, text, text);

        Assert.True(run.Completed, run.Failure);
        Assert.True(run.Steps[0].Result.IsError);
        Assert.Equal(LibraryWorld.Renew("L-20417", "one week").ToString(), run.Steps[^1].Call.ToString());
    }

    [Fact]
    public void Run_AStateChangeWithNoValue_Fails()
    {
        const string text = "Renew my loan for one week.";
        var (world, runner) = Start(text);
        Procedure procedure = Procedure([LoanSlot, PeriodSlot],
            Step("renew_loan", true, ("loan_id", new SlotValue("loan_id")), ("period", new SlotValue("period"))));

        ProcedureRun run = runner.Run(procedure, text, text);

        Assert.False(run.Completed);
        Assert.Contains("no value for loan_id", run.Failure);
        Assert.Empty(world.Invoked);
    }

    [Fact]
    public void Run_ASlotTheTextLeavesEmpty_FallsBackOnValuesOfItsShapeInEarlierResults()
    {
        // The text names a person, not ids: the member id comes from the search's result and the loan id from the
        // member's record (the closed loan first, refused, then the open one).
        const string text = "I am Alan Turing and want another two weeks.";
        var (world, runner) = Start(text, LibraryWorld.Renew("L-40112", "two weeks"));
        Procedure procedure = Procedure([FirstSlot, LastSlot, MemberSlot, LoanSlot, PeriodSlot],
            Step("find_member_by_name", false, ("first_name", new SlotValue("first_name")), ("last_name", new SlotValue("last_name"))),
            Step("get_member", false, ("member_id", new SlotValue("member_id"))),
            Step("renew_loan", true, ("loan_id", new SlotValue("loan_id")), ("period", new SlotValue("period"))));

        ProcedureRun run = runner.Run(procedure, text, text);

        Assert.True(run.Completed, run.Failure);
        Assert.Contains(run.Steps, s => s.Call.SameAs(LibraryWorld.Read("get_member", "member_id", "mem_1003")));
        Assert.True(world.Evaluate([]).Success);
    }

    [Fact]
    public void Run_AnEnumeratedSlotTheTextLeavesEmpty_TakesItsUsualValue()
    {
        const string text = "Renew loan L-20417 please.";
        var (world, runner) = Start(text, LibraryWorld.Renew("L-20417", "two weeks"));
        Procedure renew = Procedure([LoanSlot, PeriodSlot with { Usual = "two weeks" }],
            Step("renew_loan", true, ("loan_id", new SlotValue("loan_id")), ("period", new SlotValue("period"))));

        ProcedureRun run = runner.Run(renew, text, text);

        Assert.True(run.Completed, run.Failure);
        Assert.True(world.Evaluate([]).Success);
    }

    [Fact]
    public void Run_WithoutUsualValues_AnEnumeratedSlotTheTextLeavesEmptyHasNoValue()
    {
        const string text = "Renew loan L-20417 please.";
        var (world, runner) = Start(text);
        Procedure renew = Procedure([LoanSlot, PeriodSlot with { Usual = "two weeks" }],
            Step("renew_loan", true, ("loan_id", new SlotValue("loan_id")), ("period", new SlotValue("period"))));

        ProcedureRun run = runner.Run(renew, text, text, usualValues: false);

        Assert.False(run.Completed);
        Assert.Contains("no value for period", run.Failure);
        Assert.Empty(world.Invoked);
    }

    [Fact]
    public void Run_AStateChangeForAClauseThatNamesNothingItTouches_IsNotMade()
    {
        const string text = "Renew loan L-20417 for two weeks. I like reading.";
        var (world, runner) = Start(text);
        Procedure renew = Procedure([LoanSlot, PeriodSlot],
            Step("renew_loan", true, ("loan_id", new SlotValue("loan_id")), ("period", new SlotValue("period"))));

        ProcedureRun run = runner.Run(renew, "I like reading.", text);

        Assert.False(run.Completed);
        Assert.Contains("nothing it would change is named in the clause", run.Failure);
        Assert.Empty(world.Invoked);
    }

    [Fact]
    public void Run_TwoSlotsOfOneStep_AreNotFilledWithOneSpan()
    {
        const string text = "I am Grace Hopper.";
        var (_, runner) = Start(text);
        Procedure procedure = Procedure([FirstSlot, LastSlot],
            Step("find_member_by_name", false, ("first_name", new SlotValue("first_name")), ("last_name", new SlotValue("last_name"))));

        ProcedureRun run = runner.Run(procedure, text, text);

        Assert.True(run.Completed, run.Failure);
        Assert.All(run.Steps, s => Assert.NotEqual(s.Call.Arguments.GetProperty("first_name").GetString(), s.Call.Arguments.GetProperty("last_name").GetString()));
        Assert.Equal("mem_1002", run.Steps[^1].Result.Output);
    }

    [Fact]
    public void Run_StopsAtMaxCalls()
    {
        const string text = "Return Dune from loan L-20417.";
        var (world, _) = Start(text);
        var runner = new ProcedureRunner(world, maxCalls: 1);

        ProcedureRun run = runner.Run(ReturnNamedBooks, text, text);

        Assert.Equal(1, runner.MaxCalls);
        Assert.False(run.Completed);
        Assert.Contains("gave up after 1 calls", run.Failure);
        Assert.Single(world.Invoked);
    }

    [Fact]
    public void Constructor_RefusesNoCalls() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProcedureRunner(new LibraryWorld(), maxCalls: 0));

    [Fact]
    public void Run_RemembersReadsUntilAStateChange()
    {
        const string text = "Return Dune from loan L-20417.";
        var (world, runner) = Start(text);
        Procedure read = Procedure([LoanSlot], Step("get_loan", false, ("loan_id", new SlotValue("loan_id"))));

        runner.Run(read, text, text);
        ProcedureRun again = runner.Run(read, text, text);
        Assert.Empty(again.Steps);
        Assert.Single(world.Invoked);

        ProcedureRun change = runner.Run(ReturnNamedBooks, text, text);
        Assert.Equal(["return_books"], change.Steps.Select(s => s.Call.Name));

        ProcedureRun afterChange = runner.Run(read, text, text);
        ToolStep reread = Assert.Single(afterChange.Steps);
        Assert.DoesNotContain("bk_2001", JsonDocument.Parse(reread.Result.Output).RootElement.GetProperty("books").GetRawText());
    }

    [Fact]
    public void Run_NeverRepeatsAStateChangeReportedDone()
    {
        const string text = "Return Dune from loan L-20417.";
        var (world, runner) = Start(text);
        var done = new List<ToolCall>();

        ProcedureRun run = runner.Run(ReturnNamedBooks, text, text, call => { done.Add(call); return true; });

        Assert.True(run.Completed);
        Assert.Equal([LibraryWorld.Return("L-20417", "bk_2001").ToString()], done.Select(c => c.ToString()));
        Assert.DoesNotContain(world.Invoked, c => c.Name == "return_books");
    }
}
