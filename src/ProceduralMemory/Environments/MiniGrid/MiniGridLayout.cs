namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// A starting state: the grid (without the agent), the agent's cell and its direction. An episode can start
/// from any layout, e.g. one recorded from the reference MiniGrid (whose NumPy-drawn layouts no seed of ours can
/// recreate).
/// </summary>
public sealed class MiniGridLayout
{
    /// <summary>Creates a layout; the grid is copied, so later changes to <paramref name="grid"/> do not leak in.</summary>
    /// <exception cref="ArgumentException">The agent is off the grid or on a cell it cannot stand on.</exception>
    public MiniGridLayout(CellGrid grid, CellPosition agentPosition, Direction agentDirection)
    {
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
    }

    /// <summary>The grid; treat it as read-only (environments copy it on reset).</summary>
    public CellGrid Grid { get; }

    /// <summary>The agent's cell.</summary>
    public CellPosition AgentPosition { get; }

    /// <summary>The agent's direction.</summary>
    public Direction AgentDirection { get; }

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

    /// <summary>The layout from MiniGrid's grid encoding plus the agent's cell and direction.</summary>
    public static MiniGridLayout FromEncoding(int width, int height, ReadOnlySpan<byte> grid, CellPosition agentPosition, Direction agentDirection) =>
        new(CellGrid.Decode(width, height, grid), agentPosition, agentDirection);
}
