namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// A starting state: the grid (without the agent; boxes with their contents), the agent's cell and direction,
/// and the mission. An episode can start
/// from any layout, e.g. one recorded from the reference MiniGrid (whose NumPy-drawn layouts no seed of ours can
/// recreate).
/// </summary>
public sealed class MiniGridLayout
{
    /// <summary>Creates a layout; the grid is copied, so later changes to <paramref name="grid"/> do not leak in.</summary>
    /// <exception cref="ArgumentException">The agent is off the grid or on a cell it cannot stand on.</exception>
    public MiniGridLayout(CellGrid grid, CellPosition agentPosition, Direction agentDirection, string mission = "")
    {
        ArgumentNullException.ThrowIfNull(mission);
        ArgumentNullException.ThrowIfNull(grid);
        if (!grid.Contains(agentPosition.X, agentPosition.Y))
            throw new ArgumentException($"The agent's cell {agentPosition} is outside the {grid.Width}x{grid.Height} grid.", nameof(agentPosition));
        if (!grid.Get(agentPosition.X, agentPosition.Y).CanOverlap)
            throw new ArgumentException($"The agent cannot stand on {grid.Get(agentPosition.X, agentPosition.Y)} at {agentPosition}.", nameof(agentPosition));
        if ((uint)agentDirection > (uint)Direction.Up)
            throw new ArgumentOutOfRangeException(nameof(agentDirection), agentDirection, "Directions are 0..3.");
        Grid = grid.Clone();
        AgentPosition = agentPosition;
        AgentDirection = agentDirection;
        Mission = mission;
    }

    /// <summary>The grid; treat it as read-only (environments copy it on reset).</summary>
    public CellGrid Grid { get; }

    /// <summary>The agent's cell.</summary>
    public CellPosition AgentPosition { get; }

    /// <summary>The agent's direction.</summary>
    public Direction AgentDirection { get; }

    /// <summary>The mission; tasks with targets read them from it (e.g. <c>go to the red door</c>).</summary>
    public string Mission { get; }

    /// <summary>The grid's width.</summary>
    public int Width => Grid.Width;

    /// <summary>The grid's height.</summary>
    public int Height => Grid.Height;

    /// <summary>MiniGrid's encoding of the grid (see <see cref="CellGrid.Encode"/>) as a new array.</summary>
    public byte[] EncodeGrid()
    {
        var bytes = new byte[Width * Height * 3];
        Grid.Encode(bytes);
        return bytes;
    }

    /// <summary>
    /// The layout from MiniGrid's grid encoding plus the agent's cell and direction, the mission, and what each box
    /// holds (the encoding does not show it; a box missing from <paramref name="boxContents"/> is empty).
    /// </summary>
    /// <exception cref="ArgumentException">A cell is not supported, or a listed cell holds no box.</exception>
    public static MiniGridLayout FromEncoding(
        int width, int height, ReadOnlySpan<byte> grid, CellPosition agentPosition, Direction agentDirection,
        string mission = "", IEnumerable<(CellPosition Cell, WorldObject Contents)>? boxContents = null)
    {
        CellGrid cells = CellGrid.Decode(width, height, grid);
        foreach (var (cell, contents) in boxContents ?? [])
        {
            if (!cells.Contains(cell.X, cell.Y) || cells.Get(cell.X, cell.Y) is not Box box)
                throw new ArgumentException($"Box contents are given for {cell}, which holds no box.", nameof(boxContents));
            cells.Set(cell.X, cell.Y, box with { Contains = contents });
        }
        return new MiniGridLayout(cells, agentPosition, agentDirection, mission);
    }
}
