using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Environments.MiniGrid.Conformance;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

/// <summary>Checks shared by the generation tests: the outline, reachability by breadth-first search, and a layout's identity.</summary>
internal static class GeneratedLayouts
{
    private static readonly Lazy<IReadOnlyList<ConformanceTrace>> FamilyTraces = new(() => ConformanceFile.Load(FamilyTracesPath));

    /// <summary>The episodes recorded from the reference MiniGrid for the whole family.</summary>
    public static string FamilyTracesPath => Path.Combine(DataFiles.RepositoryRoot, "data", "conformance", "minigrid-family.jsonl.gz");

    /// <summary>The recorded episodes of <paramref name="miniGridId"/> (loaded once per test run).</summary>
    public static IEnumerable<ConformanceTrace> Recorded(string miniGridId) => FamilyTraces.Value.Where(t => t.Env == miniGridId);

    /// <summary>Asserts every border cell of the environment's grid is a wall.</summary>
    public static void AssertWalledOutline(MiniGridEnvironment env)
    {
        for (int x = 0; x < env.Width; x++)
        {
            Assert.IsType<Wall>(env.CellAt(x, 0));
            Assert.IsType<Wall>(env.CellAt(x, env.Height - 1));
        }
        for (int y = 0; y < env.Height; y++)
        {
            Assert.IsType<Wall>(env.CellAt(0, y));
            Assert.IsType<Wall>(env.CellAt(env.Width - 1, y));
        }
    }

    /// <summary>The cells the agent can walk to from its start without stepping on lava (doors are not opened).</summary>
    public static HashSet<CellPosition> Reachable(MiniGridEnvironment env)
    {
        var seen = new HashSet<CellPosition> { env.AgentPosition };
        var frontier = new Queue<CellPosition>(seen);
        while (frontier.TryDequeue(out CellPosition cell))
        {
            foreach (var (dx, dy) in new[] { (1, 0), (-1, 0), (0, 1), (0, -1) })
            {
                var next = new CellPosition(cell.X + dx, cell.Y + dy);
                WorldObject content = env.CellAt(next.X, next.Y);
                if (content.CanOverlap && content is not Lava && seen.Add(next))
                    frontier.Enqueue(next);
            }
        }
        return seen;
    }

    /// <summary>The cells holding an object matching <paramref name="match"/>.</summary>
    public static List<CellPosition> CellsWhere(MiniGridEnvironment env, Func<WorldObject, bool> match) =>
        (from x in Enumerable.Range(0, env.Width)
         from y in Enumerable.Range(0, env.Height)
         where match(env.CellAt(x, y))
         select new CellPosition(x, y)).ToList();

    /// <summary>Everything that makes a generated layout: the grid's encoding, the agent's cell and direction, the mission.</summary>
    public static string Key(MiniGridEnvironment env) =>
        Convert.ToHexString(env.CurrentLayout().EncodeGrid()) + env.AgentPosition + env.AgentDirection + env.Mission;

    /// <summary>The layouts of seeds 0 to <paramref name="seeds"/> - 1, generated twice by two environments: asserts both agree and returns them.</summary>
    public static List<string> LayoutsOfSeeds(Func<MiniGridEnvironment> create, int seeds)
    {
        MiniGridEnvironment a = create(), b = create();
        var layouts = new List<string>();
        for (int seed = 0; seed < seeds; seed++)
        {
            a.Reset(seed);
            b.Reset(seed);
            Assert.Equal(Key(a), Key(b));
            layouts.Add(Key(a));
        }
        return layouts;
    }
}
