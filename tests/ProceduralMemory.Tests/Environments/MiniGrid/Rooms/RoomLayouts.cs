using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments.MiniGrid.Rooms;

/// <summary>
/// Hand-built room-grid layouts and whole-grid checks for the room-grid task tests. Layout symbols, one string per
/// row: <c>#</c> wall, <c>.</c> empty, <c>L</c> locked red door, <c>D</c> closed red door, <c>k</c> red key,
/// <c>y</c> yellow key, <c>x</c> blue box, <c>X</c> red box, <c>h</c> grey box holding a red key, <c>o</c> blue
/// ball, <c>g</c> green ball; the agent is <c>&gt; v &lt; ^</c> facing that way.
/// </summary>
internal static class RoomLayouts
{
    public static MiniGridLayout Parse(string mission, params string[] rows)
    {
        var grid = new CellGrid(rows[0].Length, rows.Length);
        CellPosition agent = default;
        Direction direction = Direction.Right;
        for (int y = 0; y < rows.Length; y++)
            for (int x = 0; x < rows[y].Length; x++)
            {
                char c = rows[y][x];
                if (">v<^".Contains(c))
                {
                    (agent, direction) = (new CellPosition(x, y), (Direction)">v<^".IndexOf(c));
                    continue;
                }
                grid.Set(x, y, c switch
                {
                    '#' => new Wall(),
                    '.' => Empty.Instance,
                    'L' => new Door(ObjectColor.Red, DoorState.Locked),
                    'D' => new Door(ObjectColor.Red, DoorState.Closed),
                    'k' => new Key(ObjectColor.Red),
                    'y' => new Key(ObjectColor.Yellow),
                    'x' => new Box(ObjectColor.Blue),
                    'X' => new Box(ObjectColor.Red),
                    'h' => new Box(ObjectColor.Grey, new Key(ObjectColor.Red)),
                    'o' => new Ball(ObjectColor.Blue),
                    'g' => new Ball(ObjectColor.Green),
                    _ => throw new ArgumentException($"Unknown cell '{c}'."),
                });
            }
        return new MiniGridLayout(grid, agent, direction, mission);
    }

    /// <summary>
    /// The locked doors the agent can open from its start, found by flooding the grid from the agent through every
    /// cell but walls and still-locked doors (objects in the way can be moved), opening each locked door whose key
    /// (on the floor or in a box) the flood has reached, until nothing changes. Also returns the cells reached.
    /// </summary>
    public static (HashSet<CellPosition> Opened, HashSet<CellPosition> Reached) OpenableDoors(MiniGridEnvironment env)
    {
        var opened = new HashSet<CellPosition>();
        while (true)
        {
            HashSet<CellPosition> reached = Flood(env, opened);
            var keys = reached.Select(c => KeyIn(env.CellAt(c.X, c.Y))).OfType<ObjectColor>().ToHashSet();
            var openable = GeneratedLayouts.CellsWhere(env, cell => cell is Door { State: DoorState.Locked } door && keys.Contains(door.Color))
                .Where(door => !opened.Contains(door) && Neighbours(door).Any(reached.Contains)).ToList();
            if (openable.Count == 0)
                return (opened, reached);
            opened.UnionWith(openable);
        }
    }

    private static ObjectColor? KeyIn(WorldObject cell) => cell switch
    {
        Key key => key.Color,
        Box { Contains: Key key } => key.Color,
        _ => null,
    };

    private static HashSet<CellPosition> Flood(MiniGridEnvironment env, HashSet<CellPosition> opened)
    {
        var reached = new HashSet<CellPosition> { env.AgentPosition };
        var frontier = new Queue<CellPosition>(reached);
        while (frontier.TryDequeue(out CellPosition cell))
            foreach (CellPosition next in Neighbours(cell))
            {
                WorldObject obj = env.CellAt(next.X, next.Y);
                bool passable = obj is not Wall && (obj is not Door { State: DoorState.Locked } || opened.Contains(next));
                if (passable && reached.Add(next))
                    frontier.Enqueue(next);
            }
        return reached;
    }

    private static IEnumerable<CellPosition> Neighbours(CellPosition cell) =>
        [cell with { X = cell.X + 1 }, cell with { X = cell.X - 1 }, cell with { Y = cell.Y + 1 }, cell with { Y = cell.Y - 1 }];
}
