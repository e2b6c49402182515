using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

/// <summary>
/// Hand-built layouts for tests, one string per grid row: <c>#</c> wall, <c>.</c> empty, <c>K</c> yellow key,
/// <c>r</c> red key, <c>L</c> locked yellow door, <c>D</c> closed yellow door, <c>O</c> open yellow door,
/// <c>G</c> goal; the agent is <c>&gt; v &lt; ^</c> (standing on an empty cell) facing that way.
/// </summary>
internal static class AsciiLayout
{
    public static MiniGridLayout Parse(params string[] rows)
    {
        var grid = new CellGrid(rows[0].Length, rows.Length);
        CellPosition? agent = null;
        Direction direction = Direction.Right;
        for (int y = 0; y < rows.Length; y++)
            for (int x = 0; x < rows[y].Length; x++)
            {
                char c = rows[y][x];
                if (">v<^".Contains(c))
                {
                    agent = new CellPosition(x, y);
                    direction = (Direction)">v<^".IndexOf(c);
                    continue;
                }
                grid.Set(x, y, c switch
                {
                    '#' => new Wall(),
                    '.' => Empty.Instance,
                    'K' => new Key(ObjectColor.Yellow),
                    'r' => new Key(ObjectColor.Red),
                    'L' => new Door(ObjectColor.Yellow, DoorState.Locked),
                    'D' => new Door(ObjectColor.Yellow, DoorState.Closed),
                    'O' => new Door(ObjectColor.Yellow, DoorState.Open),
                    'G' => new Goal(),
                    _ => throw new ArgumentException($"Unknown cell '{c}'."),
                });
            }
        return new MiniGridLayout(grid, agent ?? throw new ArgumentException("No agent in the layout."), direction);
    }

    /// <summary>A DoorKey of the layout's size, reset onto the layout.</summary>
    public static DoorKeyEnvironment Start(params string[] rows)
    {
        MiniGridLayout layout = Parse(rows);
        var env = new DoorKeyEnvironment(layout.Width);
        env.Reset(layout);
        return env;
    }
}
