using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Procedures.Induction;

namespace ProceduralMemory.Tests.Tools.Procedures.Induction;

public sealed class ProcedureMergerTests
{
    private static SubgoalDraft Draft(ToolDemonstration demonstration) =>
        Assert.Single(new DemonstrationExplainer(new LibraryWorld()).Explain(demonstration));

    private static ToolDemonstration Renew(string source, string instruction, string loan, string period) =>
        new(source, instruction, [LibraryWorld.Renew(loan, period)]);

    [Fact]
    public void Merge_TwoDemonstrationsWithDifferentValues_GiveOneProcedureWithTheirSlotsShapesAndCues()
    {
        Procedure procedure = ProcedureMerger.Merge([Draft(Demonstrations.ReturnAda), Draft(Demonstrations.ReturnGrace)]);

        Assert.Equal(["library/1", "library/2"], procedure.Demonstrations.Select(d => d.Source));
        ProcedureSlot loan = Assert.Single(procedure.Slots, s => s.Name == "loan_id");
        Assert.Equal([ValueShape.Of("L-20417")], loan.Shapes);
        Assert.Contains("loan", loan.Cues);
        ProcedureStep last = procedure.Steps[^1];
        Assert.Equal("return_books", last.Tool);
        Assert.True(last.ChangesState);
        Assert.All(procedure.Steps.SkipLast(1), s => Assert.False(s.ChangesState));
    }

    [Fact]
    public void Merge_OrdersEachStepAfterTheStepsItReads()
    {
        Procedure procedure = ProcedureMerger.Merge([Draft(Demonstrations.ReturnAda), Draft(Demonstrations.ReturnGrace)]);

        for (int i = 0; i < procedure.Steps.Count; i++)
            foreach (ArgumentBinding argument in procedure.Steps[i].Arguments)
                Assert.All(Reads(argument.Source), read => Assert.True(read < i, $"step {i + 1} reads step {read + 1}"));
        int loanRead = procedure.Steps.ToList().FindIndex(s => s.Tool == "get_loan");
        ValueSource books = procedure.Steps[^1].Arguments.Single(a => a.Parameter == "book_ids").Source;
        Assert.Equal(new ResultValue(loanRead, "$.books[*][mentioned:title].book_id"), books);
    }

    [Fact]
    public void Merge_AValueExplainedSeveralWays_KeepsTheAlternatives_BestSupportedFirst()
    {
        Procedure procedure = ProcedureMerger.Merge([Draft(Demonstrations.ReturnAda), Draft(Demonstrations.ReturnGrace)]);

        ValueSource loan = procedure.Steps[^1].Arguments.Single(a => a.Parameter == "loan_id").Source;
        var any = Assert.IsType<AnyOfValue>(loan);
        Assert.Equal(new SlotValue("loan_id"), any.Options[0]);
        Assert.Contains(any.Options, o => o is ResultValue);
    }

    [Fact]
    public void Merge_DifferentConstants_KeepTheOneMostDemonstrationsUsed()
    {
        var drafts = new[]
        {
            Draft(Renew("a", "Renew loan L-20417 please.", "L-20417", "two weeks")),
            Draft(Renew("b", "Renew loan L-30021 please.", "L-30021", "four weeks")),
            Draft(Renew("c", "Renew loan L-50290 please.", "L-50290", "four weeks")),
        };

        Procedure procedure = ProcedureMerger.Merge(drafts);

        ValueSource period = procedure.Steps[^1].Arguments.Single(a => a.Parameter == "period").Source;
        Assert.Equal("\"four weeks\"", Assert.IsType<ConstantValue>(period).Value.GetRawText());
    }

    [Fact]
    public void Merge_AnEnumeratedValueTheTextNames_IsAnEnumSlotWithoutShapes()
    {
        Procedure procedure = ProcedureMerger.Merge([Draft(Demonstrations.RenewAlan), Draft(Demonstrations.RenewAda)]);

        ProcedureSlot period = Assert.Single(procedure.Slots, s => s.Name == "period");
        Assert.Equal("enum", period.Kind);
        Assert.Empty(period.Shapes);
        Assert.Equal(new SlotValue("period"), procedure.Steps[^1].Arguments.Single(a => a.Parameter == "period").Source);
    }

    [Fact]
    public void Merge_PurposeNamesTheToolAndTheMaskedClause_WithoutTheParticulars()
    {
        Procedure procedure = ProcedureMerger.Merge([Draft(Demonstrations.ReturnAda)]);

        Assert.StartsWith("return books: ", procedure.Purpose);
        Assert.Contains("{loan_id}", procedure.Purpose);
        Assert.DoesNotContain("Dune", procedure.Purpose);
        Assert.DoesNotContain("L-20417", procedure.Purpose);
        Assert.EndsWith("Return some of the books of an open loan.", procedure.Purpose);
    }

    [Fact]
    public void Masked_ReplacesSlotValuesByTheirNames_AndDropsParticularsAndPunctuation() =>
        Assert.Equal("Could you renew loan {loan_id} for {period}", ProcedureMerger.Masked(Draft(Demonstrations.RenewAlan)));

    [Fact]
    public void Merge_OfNoDrafts_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => ProcedureMerger.Merge([]));

    private static IEnumerable<int> Reads(ValueSource source) => source switch
    {
        ResultValue result => [result.Step],
        AnyOfValue any => any.Options.SelectMany(Reads),
        _ => [],
    };
}
