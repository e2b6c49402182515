using System.CommandLine;
using System.Globalization;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem show --env E --seed S [--actions a,b,...]</c>: prints the layout a seed gives, and with actions
/// (names or indices) every frame of the episode they play.
/// </summary>
internal static class ShowCommand
{
    public static Command Create(CliConsole console)
    {
        Option<string> env = CommonOptions.Environment("doorkey-8x8");
        Option<int> seed = CommonOptions.Seed(0);
        var actions = new Option<string>("--actions") { Description = "Comma-separated actions to play, by name or index (e.g. left,forward,3)." };
        var command = new Command("show", "Print an environment's layout for a seed, and optionally the frames of given actions.")
        {
            env, seed, actions,
        };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(env), parsed.GetValue(seed), parsed.GetValue(actions)));
        return command;
    }

    private static int Run(CliConsole console, string name, int seed, string? actionList)
    {
        IEnvironment env = EnvironmentRegistry.Create(name);
        if (env is not ITextRenderable renderable)
            throw new UsageException($"environment '{name}' cannot be drawn as text.");
        int[] actions = ParseActions(env.Actions, actionList);
        ulong allFacts = env.Facts.Count >= 64 ? ulong.MaxValue : (1UL << env.Facts.Count) - 1;

        Observation observation = env.Reset(seed).Observation;
        console.Out.WriteLine($"{name} seed {seed.ToString(CultureInfo.InvariantCulture)}, step 0 of at most {env.MaxSteps.ToString(CultureInfo.InvariantCulture)}");
        console.Out.Write(renderable.RenderText());
        console.Out.WriteLine($"facts {env.Facts.Format(observation.Facts, allFacts)}");
        for (int i = 0; i < actions.Length; i++)
        {
            StepResult result = env.Step(actions[i]);
            console.Out.WriteLine();
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"step {i + 1}: {env.Actions.NameOf(actions[i])} -> reward {result.Reward:0.######}, terminated {Lower(result.Terminated)}, truncated {Lower(result.Truncated)}"));
            console.Out.Write(renderable.RenderText());
            console.Out.WriteLine($"facts {env.Facts.Format(result.Observation.Facts, allFacts)}");
            if (result.Done && i < actions.Length - 1)
            {
                console.Out.WriteLine($"episode over: {actions.Length - i - 1} remaining action(s) not played");
                break;
            }
        }
        return ExitCodes.Ok;
    }

    private static int[] ParseActions(ActionSpace space, string? list)
    {
        if (list is null)
            return [];
        return list.Split(',', StringSplitOptions.TrimEntries).Select(token =>
        {
            // An empty entry ("left,,forward", ",", "") is a typo, not an action to skip.
            if (token.Length == 0)
                throw new UsageException($"--actions has an empty entry (got '{list}'); give actions separated by single commas, e.g. left,forward,3.");
            int index = int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : space.IndexOf(token);
            return space.Contains(index)
                ? index
                : throw new UsageException($"unknown action '{token}'; known: {string.Join(", ", space.Names)} (or 0..{space.Count - 1}).");
        }).ToArray();
    }

    private static string Lower(bool value) => value ? "true" : "false";
}
