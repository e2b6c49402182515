namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// The geometry of MiniGrid's 7x7 egocentric view: which grid cell each view cell shows for each direction,
/// and MiniGrid's occlusion (<c>Grid.process_vis</c>) as a lookup table per view row.
/// </summary>
/// <remarks>
/// View cell (i, j) has the agent at (3, 6) looking towards j = 0. Both tables are computed once by running
/// MiniGrid's procedures literally (slice, rotate left dir + 1 times; the two sweeps of <c>process_vis</c>), so
/// the per-step code only looks things up.
/// </remarks>
internal static class AgentView
{
    /// <summary>The side of the view.</summary>
    public const int Size = 7;

    /// <summary>The number of view cells.</summary>
    public const int Cells = Size * Size;

    /// <summary>The agent's view cell is (<see cref="AgentI"/>, <see cref="AgentJ"/>).</summary>
    public const int AgentI = Size / 2, AgentJ = Size - 1;

    private const int RowMask = (1 << Size) - 1;

    /// <summary>
    /// Per (incoming mask &lt;&lt; 7 | transparent cells) of one view row: the row's final visibility mask in the
    /// low 7 bits and the mask it passes to the row ahead in the next 7.
    /// </summary>
    public static readonly ushort[] Visibility = BuildVisibility();

    /// <summary>Per 7-bit visibility mask: a mask with byte i all ones where bit i is set.</summary>
    public static readonly ulong[] ByteMasks = BuildByteMasks();

    /// <summary>The (dx, dy) one step forward, per direction (MiniGrid's <c>DIR_TO_VEC</c>).</summary>
    public static readonly int[] ForwardX = [1, 0, -1, 0];

    /// <inheritdoc cref="ForwardX"/>
    public static readonly int[] ForwardY = [0, 1, 0, -1];

    /// <summary>Per view cell, the (dx, dy) from the agent of the grid cell it shows, as MiniGrid computes it.</summary>
    public static (int[,] Dx, int[,] Dy) ViewToGrid(int dir)
    {
        // get_view_exts: the top-left corner of the slice relative to the agent.
        var (topX, topY) = dir switch
        {
            0 => (0, -(Size / 2)),
            1 => (-(Size / 2), 0),
            2 => (-Size + 1, -(Size / 2)),
            _ => (-(Size / 2), -Size + 1),
        };
        var dx = new int[Size, Size];
        var dy = new int[Size, Size];
        for (int i = 0; i < Size; i++)
            for (int j = 0; j < Size; j++)
                (dx[i, j], dy[i, j]) = (topX + i, topY + j);
        for (int r = 0; r < dir + 1; r++)
            (dx, dy) = (RotateLeft(dx), RotateLeft(dy));
        return (dx, dy);
    }

    // Grid.rotate_left: the cell at (i, j) moves to (j, size - 1 - i).
    private static int[,] RotateLeft(int[,] a)
    {
        var rotated = new int[Size, Size];
        for (int i = 0; i < Size; i++)
            for (int j = 0; j < Size; j++)
                rotated[j, Size - 1 - i] = a[i, j];
        return rotated;
    }

    private static ulong[] BuildByteMasks()
    {
        var masks = new ulong[1 << Size];
        for (int mask = 0; mask < masks.Length; mask++)
            for (int i = 0; i < Size; i++)
                masks[mask] |= (mask >> i & 1) != 0 ? 0xFFUL << (8 * i) : 0;
        return masks;
    }

    private static ushort[] BuildVisibility()
    {
        var table = new ushort[1 << (2 * Size)];
        for (int incoming = 0; incoming <= RowMask; incoming++)
            for (int transparent = 0; transparent <= RowMask; transparent++)
            {
                var (row, ahead) = SweepRow(incoming, transparent);
                table[incoming << Size | transparent] = (ushort)(row | ahead << Size);
            }
        return table;
    }

    // One row of process_vis: a left-to-right then a right-to-left sweep; a visible transparent cell makes its
    // neighbour in the sweep's direction visible, and the two cells ahead of that pair.
    private static (int Row, int Ahead) SweepRow(int mask, int transparent)
    {
        int ahead = 0;
        for (int i = 0; i < Size - 1; i++)
            if ((mask >> i & 1) != 0 && (transparent >> i & 1) != 0)
            {
                mask |= 1 << (i + 1);
                ahead |= 1 << (i + 1) | 1 << i;
            }
        for (int i = Size - 1; i > 0; i--)
            if ((mask >> i & 1) != 0 && (transparent >> i & 1) != 0)
            {
                mask |= 1 << (i - 1);
                ahead |= 1 << (i - 1) | 1 << i;
            }
        return (mask, ahead);
    }
}
