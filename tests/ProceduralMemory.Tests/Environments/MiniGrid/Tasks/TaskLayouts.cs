using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments.MiniGrid.Tasks;

/// <summary>Hand-built layouts and grid searches for the task tests.</summary>
internal static class TaskLayouts
{
    /// <summary>A <paramref name="width"/> x <paramref name="height"/> grid walled round its edge.</summary>
    public static CellGrid WalledRoom(int width, int height)
    {
        var grid = new CellGrid(width, height);
        grid.WallRectangle(0, 0, width, height);
        return grid;
    }

    /// <summary>Every cell of the environment's grid holding an object <paramref name="match"/> accepts.</summary>
    public static List<CellPosition> Cells(MiniGridEnvironment env, Func<WorldObject, bool> match)
    {
        var cells = new List<CellPosition>();
        for (int x = 0; x < env.Width; x++)
            for (int y = 0; y < env.Height; y++)
                if (match(env.CellAt(x, y)))
                    cells.Add(new CellPosition(x, y));
        return cells;
    }

    /// <summary>The fewest doors crossed on a way through non-wall cells from the agent to <paramref name="to"/>, or -1 when walls cut it off.</summary>
    public static int DoorsBetweenAgentAnd(MiniGridEnvironment env, CellPosition to)
    {
        // 0-1 breadth-first search: a step onto a door costs one.
        var cost = new Dictionary<CellPosition, int> { [env.AgentPosition] = 0 };
        var queue = new LinkedList<CellPosition>();
        queue.AddFirst(env.AgentPosition);
        while (queue.First is { } node)
        {
            queue.RemoveFirst();
            CellPosition cell = node.Value;
            foreach (var (dx, dy) in new[] { (1, 0), (-1, 0), (0, 1), (0, -1) })
            {
                var next = new CellPosition(cell.X + dx, cell.Y + dy);
                WorldObject content = env.CellAt(next.X, next.Y);
                if (content is Wall || next.X < 0 || next.Y < 0 || next.X >= env.Width || next.Y >= env.Height)
                    continue;
                int step = content is Door ? 1 : 0;
                if (cost.TryGetValue(next, out int known) && known <= cost[cell] + step)
                    continue;
                cost[next] = cost[cell] + step;
                if (step == 0)
                    queue.AddFirst(next);
                else
                    queue.AddLast(next);
            }
        }
        return cost.GetValueOrDefault(to, -1);
    }

    /// <summary>The grid encoding, agent cell and direction of the current layout, as one comparable string.</summary>
    public static string Describe(MiniGridEnvironment env) =>
        Convert.ToHexString(env.CurrentLayout().EncodeGrid()) + env.AgentPosition + env.AgentDirection + env.Mission;
}
