using System.Globalization;

namespace ProceduralMemory.Environments.MiniGrid.Conformance;

/// <summary>
/// Replays recorded reference episodes on procmem's environment of the same MiniGrid id (<see cref="MiniGridFamily"/>):
/// start from the recorded layout, take the recorded actions, and compare at every step the view image,
/// direction, reward (to 1e-6), terminated, truncated, agent position and direction and carried object, then the
/// final grid.
/// </summary>
/// <remarks>
/// An episode's replay stops at its first step with a mismatch (every field of that step is reported): after
/// the states diverge, later differences are consequences, not news. The final grid is compared only when
/// every step agreed.
/// </remarks>
public static class ConformanceReplay
{
    /// <summary>The largest reward difference still counted as equal (the recorder rounds to 6 decimals).</summary>
    public const double RewardTolerance = 1e-6;

    /// <summary>Replays every trace.</summary>
    public static IReadOnlyList<ConformanceResult> ReplayAll(IEnumerable<ConformanceTrace> traces) =>
        traces.Select(Replay).ToList();

    /// <summary>Replays one recorded episode and reports every mismatch.</summary>
    public static ConformanceResult Replay(ConformanceTrace trace)
    {
        var mismatches = new List<ConformanceMismatch>();
        var check = new Checker(trace.LineNumber, mismatches);
        if (MiniGridFamily.FindById(trace.Env)?.Create() is not { } env)
        {
            check.Equal(0, "env", trace.Env, "not implemented");
            return new ConformanceResult(trace, mismatches);
        }
        check.Equal(0, "max_steps", trace.MaxSteps, env.MaxSteps);
        check.Equal(0, "size", $"{trace.Width}x{trace.Height}", $"{env.Width}x{env.Height}");
        if (mismatches.Count > 0)
            return new ConformanceResult(trace, mismatches);

        var image = new byte[AgentView.Cells * 3];
        MiniGridObservation observation = (MiniGridObservation)env.Reset(trace.Layout).Observation;
        CompareObservation(check, 0, trace.Image, trace.Direction, observation, image);

        for (int s = 0; s < trace.Steps.Count && mismatches.Count == 0; s++)
        {
            ConformanceStep expected = trace.Steps[s];
            int step = s + 1;
            StepResult result;
            try
            {
                result = env.Step(expected.Action);
            }
            catch (InvalidOperationException)
            {
                check.Equal(step, "episode", "running", "over");
                break;
            }

            check.Close(step, "reward", expected.Reward, result.Reward);
            check.Equal(step, "terminated", expected.Terminated, result.Terminated);
            check.Equal(step, "truncated", expected.Truncated, result.Truncated);
            check.Equal(step, "agent_pos", expected.AgentPosition, env.AgentPosition);
            check.Equal(step, "agent_dir", (int)expected.AgentDirection, (int)env.AgentDirection);
            check.Equal(step, "carrying", expected.Carrying ?? "null", Carried(env.Carrying, expected.Carrying));
            CompareObservation(check, step, expected.Image, expected.Direction, (MiniGridObservation)result.Observation, image);
        }

        if (mismatches.Count == 0)
        {
            byte[] grid = env.CurrentLayout().EncodeGrid();
            check.Cells(trace.Steps.Count, "grid_final", trace.FinalGrid, grid, trace.Height);
        }
        return new ConformanceResult(trace, mismatches);
    }

    // The carried object in the form the trace uses: a type name, or the encoding.
    private static string Carried(WorldObject? carrying, string? expected) =>
        carrying is null ? "null" : expected is not null && expected.StartsWith('[') ? carrying.Encode().ToString() : carrying.TypeName;

    private static void CompareObservation(Checker check, int step, byte[] expectedImage, Direction expectedDirection, MiniGridObservation observation, byte[] image)
    {
        observation.WriteImage(image);
        check.Cells(step, "image", expectedImage, image, AgentView.Size);
        check.Equal(step, "direction", (int)expectedDirection, (int)observation.Direction);
    }

    private sealed class Checker(int episode, List<ConformanceMismatch> mismatches)
    {
        public void Equal<T>(int step, string field, T expected, T got)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, got))
                Add(step, field, Format(expected), Format(got));
        }

        public void Close(int step, string field, double expected, double got)
        {
            if (!(Math.Abs(expected - got) <= RewardTolerance))
                Add(step, field, Format(expected), Format(got));
        }

        // Reports the first differing cell of two [x][y][3] encodings, as field[x][y].
        public void Cells(int step, string field, byte[] expected, byte[] got, int height)
        {
            for (int at = 0; at < expected.Length; at += 3)
                if (!expected.AsSpan(at, 3).SequenceEqual(got.AsSpan(at, 3)))
                {
                    int cell = at / 3;
                    Add(step, $"{field}[{cell / height}][{cell % height}]",
                        new CellEncoding(expected[at], expected[at + 1], expected[at + 2]).ToString(),
                        new CellEncoding(got[at], got[at + 1], got[at + 2]).ToString());
                    return;
                }
        }

        private void Add(int step, string field, string expected, string got) =>
            mismatches.Add(new ConformanceMismatch(episode, step, field, expected, got));

        private static string Format<T>(T value) => value switch
        {
            bool b => b ? "true" : "false",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
        };
    }
}
