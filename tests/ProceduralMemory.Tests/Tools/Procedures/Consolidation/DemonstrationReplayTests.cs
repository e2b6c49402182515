using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Tests.Shared.Procedures;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Procedures.Consolidation;
using ProceduralMemory.Tools.Procedures.Induction;
using ProceduralMemory.Tools.Traces;

namespace ProceduralMemory.Tests.Tools.Procedures.Consolidation;

public class DemonstrationReplayTests
{
    private static Procedure InducedFrom(ToolDemonstration demonstration)
    {
        var inducer = new ProcedureInducer(new RecordedToolEnvironment(RecordedCancellations.Tools, [new TraceRecord(demonstration, demonstration.RecordedTrajectory(), true)]));
        inducer.Add(demonstration);
        return inducer.Procedures().Single();
    }

    [Fact]
    public void AProcedure_ReplaysTheDemonstrationItWasInducedFrom_AndAnotherOfItsKind()
    {
        var replay = new DemonstrationReplay(RecordedCancellations.Tools);
        Procedure named = InducedFrom(RecordedCancellations.Named("#W1000001", "no longer needed"));
        Assert.True(replay.Reproduces(named, RecordedCancellations.Named("#W1000001", "no longer needed")));
        Assert.True(replay.Reproduces(named, RecordedCancellations.Named("#W3000003", "ordered by mistake")));
    }

    [Fact]
    public void AProcedureThatCannotFindTheValue_DoesNotReplay_NorDoesADemonstrationWithoutResults()
    {
        var replay = new DemonstrationReplay(RecordedCancellations.Tools);
        // Induced where the text names the order, it has no way to the order of a text that names none.
        Procedure named = InducedFrom(RecordedCancellations.Named("#W1000001", "no longer needed"));
        Assert.False(replay.Reproduces(named, RecordedCancellations.LookedUp("ann.lee1234@example.com", "ann_lee_1234", "#W2000002", "ordered by mistake")));
        ToolDemonstration unrecorded = RecordedCancellations.Named("#W1000001", "no longer needed") with { Results = null };
        Assert.False(replay.Reproduces(named, unrecorded));
    }

    [Fact]
    public void RecordedResults_AreStoredWithTheDemonstration_AndMustMatchItsCalls()
    {
        ToolDemonstration demonstration = RecordedCancellations.LookedUp("ann.lee1234@example.com", "ann_lee_1234", "#W2000002", "ordered by mistake");
        Procedure procedure = InducedFrom(demonstration);
        Procedure read = ProcedurePolicyCodec.FromBytes(ProcedurePolicyCodec.ToBytes(procedure));
        Assert.Equal(demonstration.Results!.Select(r => r.Output), read.Demonstrations.Single().Results!.Select(r => r.Output));

        Procedure broken = procedure with { Demonstrations = [demonstration with { Results = [ToolResult.Ok("one result for three calls")] }] };
        var error = Assert.Throws<InvalidDataException>(() => ProcedurePolicyCodec.Validate(broken));
        Assert.Contains("demonstrations[0].results", error.Message, StringComparison.Ordinal);
        // A demonstration without results is written as before: no results member at all.
        Procedure plain = procedure with { Demonstrations = [demonstration with { Results = null }] };
        Assert.DoesNotContain("\"results\"", System.Text.Encoding.UTF8.GetString(ProcedurePolicyCodec.ToBytes(plain)), StringComparison.Ordinal);
    }
}
