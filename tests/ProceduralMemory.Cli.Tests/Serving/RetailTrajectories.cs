using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.Cli.Tests.Serving;

/// <summary>Trajectories as an agent reports them to <c>record_trajectory</c> or <c>POST /trajectories</c>, from tau-bench retail tasks.</summary>
internal static class RetailTrajectories
{
    /// <summary>
    /// Task <paramref name="index"/> of <paramref name="split"/> as a trajectory: its ground-truth actions run against the
    /// domain, with the results they gave, reported as <paramref name="success"/>.
    /// </summary>
    public static Dictionary<string, object?> Of(TauDomain domain, string split, int index, bool success = true)
    {
        ToolTask task = domain.Tasks(split)[index];
        TauEnvironment environment = domain.CreateEnvironment();
        environment.Reset(task);
        var calls = task.Actions.Select(a =>
        {
            ToolResult result = environment.Invoke(a);
            var call = new Dictionary<string, object?> { ["name"] = a.Name, ["arguments"] = a.Arguments, ["result"] = result.Output };
            if (result.IsError)
                call["is_error"] = true;
            return call;
        }).ToList();
        return new() { ["task"] = task.Instruction, ["calls"] = calls, ["success"] = success };
    }
}
