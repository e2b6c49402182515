using ProceduralMemory.Tests.Tools.Tau;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Procedures.Induction;
using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.Tests.Tools.Procedures.Induction;

/// <summary>The same machinery on the real tau-bench retail data: induce from the first train tasks, run on a later one.</summary>
public sealed class TauRetailInductionTests
{
    private const int Demonstrated = 40;
    private const string Return = "return_delivered_order_items";

    private static readonly Lazy<IReadOnlyList<Procedure>> Induced = new(() =>
    {
        var inducer = new ProcedureInducer(TauDomains.Retail.CreateEnvironment());
        foreach (ToolTask task in TauDomains.Retail.Tasks("train").Take(Demonstrated))
            inducer.Add(new ToolDemonstration(task.Id, task.Instruction, task.Actions));
        return inducer.Procedures();
    });

    private static Procedure ReturnProcedure => Induced.Value.Single(p => p.Steps[^1].Tool == Return);

    [Fact]
    public void Induce_FirstTrainTasks_GiveAReturnProcedureWhoseItemsAreTheOrdersItemsTheTextNames()
    {
        Procedure procedure = ReturnProcedure;

        ValueSource items = procedure.Steps[^1].Arguments.Single(a => a.Parameter == "item_ids").Source;
        var fromOrder = Options(items).OfType<ResultValue>()
            .Where(r => procedure.Steps[r.Step].Tool == "get_order_details" && r.Path.Contains("[mentioned:name]", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(fromOrder);
    }

    [Fact]
    public void Run_OnALaterTrainTaskWithAReturn_ReproducesTheGroundTruthState()
    {
        // The first task after the demonstrated ones whose only state change is one return.
        var tasks = TauDomains.Retail.Tasks("train");
        var stateTools = TauDomains.Retail.Tools.Where(t => t.ChangesState).Select(t => t.Name).ToHashSet();
        ToolTask task = tasks.Skip(Demonstrated).First(t => t.Actions.Where(a => stateTools.Contains(a.Name)).Select(a => a.Name).SequenceEqual([Return]));
        Assert.DoesNotContain(ReturnProcedure.Demonstrations, d => d.Source == task.Id);
        TauEnvironment environment = TauDomains.Retail.CreateEnvironment();
        environment.Reset(task);
        string before = environment.Digest;

        ProcedureRun run = new ProcedureRunner(environment).Run(ReturnProcedure, task.Instruction, task.Instruction);

        Assert.True(run.Completed, $"{task.Id}: {run.Failure}");
        Assert.NotEqual(before, environment.Digest);
        Assert.Equal(environment.GroundTruthDigest(task), environment.Digest);
    }

    private static IEnumerable<ValueSource> Options(ValueSource source) =>
        source is AnyOfValue any ? any.Options.SelectMany(Options) : [source];
}
