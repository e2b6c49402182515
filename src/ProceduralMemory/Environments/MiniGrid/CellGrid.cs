namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// A MiniGrid grid of <see cref="WorldObject"/>s, <c>(x, y)</c> with x to the right and y downwards, the agent
/// not included. Every cell beyond the edge reads as a grey wall, as MiniGrid's view slicing does.
/// </summary>
/// <remarks>
/// Held as one byte per cell (see <see cref="CellPalette"/>) with a wall margin of <see cref="Margin"/> cells on
/// every side, so the environment reads a whole 7x7 view without a bounds check; and four times over, in the
/// four <see cref="Orientations"/> (rows left to right or right to left, columns top down or bottom up), so that
/// every row of the agent's view, whichever way it faces, is 7 consecutive ascending bytes of one copy.
/// </remarks>
public sealed class CellGrid
{
    /// <summary>The width of the wall margin: the farthest a 7x7 view reaches from the agent.</summary>
    internal const int Margin = 6;

    /// <summary>The number of copies of the cells, one per orientation.</summary>
    internal const int Orientations = 4;

    private readonly int[] _xStep = new int[Orientations], _yStep = new int[Orientations], _origin = new int[Orientations];
    private readonly byte[] _cleared;

    /// <summary>Creates an empty <paramref name="width"/> x <paramref name="height"/> grid.</summary>
    public CellGrid(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        int rowStride = width + 2 * Margin, columnStride = height + 2 * Margin, copy = rowStride * columnStride;
        Codes = new byte[Orientations * copy];
        // index = xStep * x + yStep * y + origin, per orientation.
        (_xStep[0], _yStep[0], _origin[0]) = (1, rowStride, Margin * rowStride + Margin);
        (_xStep[1], _yStep[1], _origin[1]) = (-1, rowStride, copy + Margin * rowStride + width - 1 + Margin);
        (_xStep[2], _yStep[2], _origin[2]) = (columnStride, 1, 2 * copy + Margin * columnStride + Margin);
        (_xStep[3], _yStep[3], _origin[3]) = (columnStride, -1, 3 * copy + Margin * columnStride + height - 1 + Margin);
        _cleared = new byte[Codes.Length];
        FillCleared(_cleared);
        Clear();
    }

    /// <summary>The number of columns.</summary>
    public int Width { get; }

    /// <summary>The number of rows.</summary>
    public int Height { get; }

    /// <summary>
    /// The codes of every cell, margins included, in each orientation. Read-only: write through <see cref="Write"/>,
    /// which keeps the copies equal.
    /// </summary>
    internal byte[] Codes { get; }

    /// <summary>The index in <see cref="Codes"/> of (<paramref name="x"/>, <paramref name="y"/>) in orientation <paramref name="orientation"/>.</summary>
    internal int IndexOf(int orientation, int x, int y) => _xStep[orientation] * x + _yStep[orientation] * y + _origin[orientation];

    /// <summary>How far apart in <see cref="Codes"/> cells one step apart in x and in y are, in orientation <paramref name="orientation"/>.</summary>
    internal (int XStep, int YStep) StepsOf(int orientation) => (_xStep[orientation], _yStep[orientation]);

    /// <summary>
    /// The first copy of the cells (rows left to right, top down), margins included: one byte per cell, so two grid
    /// states differ exactly where these bytes do (see <see cref="PositionOfRowMajor"/>).
    /// </summary>
    internal ReadOnlySpan<byte> RowMajorCodes => Codes.AsSpan(0, (Width + 2 * Margin) * (Height + 2 * Margin));

    /// <summary>The cell at <paramref name="index"/> in <see cref="RowMajorCodes"/> (off the grid for a margin index).</summary>
    internal (int X, int Y) PositionOfRowMajor(int index) =>
        (index % (Width + 2 * Margin) - Margin, index / (Width + 2 * Margin) - Margin);

    /// <summary>The code at (<paramref name="x"/>, <paramref name="y"/>), which may lie in the margin.</summary>
    internal byte Read(int x, int y) => Codes[x + _yStep[0] * y + _origin[0]];

    /// <summary>Puts <paramref name="code"/> at (<paramref name="x"/>, <paramref name="y"/>) in every copy.</summary>
    internal void Write(int x, int y, byte code)
    {
        // Generators write every cell of every layout: the four indices spelled out (see the constructor).
        int rowStride = _yStep[0], columnStride = _xStep[2];
        byte[] codes = Codes;
        codes[x + rowStride * y + _origin[0]] = code;
        codes[rowStride * y - x + _origin[1]] = code;
        codes[columnStride * x + y + _origin[2]] = code;
        codes[columnStride * x - y + _origin[3]] = code;
    }

    /// <summary>True when (<paramref name="x"/>, <paramref name="y"/>) lies on the grid.</summary>
    public bool Contains(int x, int y) => (uint)x < (uint)Width && (uint)y < (uint)Height;

    /// <summary>The object at (<paramref name="x"/>, <paramref name="y"/>); a grey wall beyond the edge.</summary>
    public WorldObject Get(int x, int y) =>
        CellPalette.ObjectOf(Contains(x, y) ? Read(x, y) : CellPalette.GreyWallCode);

    /// <summary>Puts <paramref name="cell"/> at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Set(int x, int y, WorldObject cell)
    {
        ThrowIfOutside(x, y);
        Write(x, y, CellPalette.CodeOf(cell));
    }

    private void ThrowIfOutside(int x, int y)
    {
        if (!Contains(x, y))
            throw new ArgumentOutOfRangeException(nameof(x), $"({x}, {y}) is outside the {Width}x{Height} grid.");
    }

    /// <summary>Empties every cell (the margin stays wall).</summary>
    /// <remarks>Every reset clears the grid, so the cleared codes are made once and copied in.</remarks>
    public void Clear() => _cleared.CopyTo(Codes, 0);

    // Every cell empty, margins wall: each copy's rows (or columns, whichever its bytes run along) in one fill each.
    private void FillCleared(byte[] codes)
    {
        codes.AsSpan().Fill(CellPalette.GreyWallCode);
        for (int o = 0; o < Orientations; o++)
        {
            bool alongX = Math.Abs(_xStep[o]) == 1;
            int lines = alongX ? Height : Width, length = alongX ? Width : Height;
            for (int line = 0; line < lines; line++)
            {
                int first = alongX ? IndexOf(o, 0, line) : IndexOf(o, line, 0);
                int last = alongX ? IndexOf(o, Width - 1, line) : IndexOf(o, line, Height - 1);
                codes.AsSpan(Math.Min(first, last), length).Fill(CellPalette.EmptyCode);
            }
        }
    }

    /// <summary>Draws a horizontal wall of <paramref name="length"/> cells from (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void HorizontalWall(int x, int y, int length)
    {
        for (int i = 0; i < length; i++)
            WriteWall(x + i, y);
    }

    /// <summary>Draws a vertical wall of <paramref name="length"/> cells from (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void VerticalWall(int x, int y, int length)
    {
        for (int i = 0; i < length; i++)
            WriteWall(x, y + i);
    }

    // Set(x, y, a grey wall) without looking its code up.
    private void WriteWall(int x, int y)
    {
        ThrowIfOutside(x, y);
        Write(x, y, CellPalette.GreyWallCode);
    }

    /// <summary>Walls the outline of the <paramref name="w"/> x <paramref name="h"/> rectangle at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void WallRectangle(int x, int y, int w, int h)
    {
        HorizontalWall(x, y, w);
        HorizontalWall(x, y + h - 1, w);
        VerticalWall(x, y, h);
        VerticalWall(x + w - 1, y, h);
    }

    /// <summary>Copies every cell into <paramref name="destination"/>, which must have the same size.</summary>
    public void CopyTo(CellGrid destination)
    {
        if (destination.Width != Width || destination.Height != Height)
            throw new ArgumentException($"Cannot copy a {Width}x{Height} grid into a {destination.Width}x{destination.Height} one.", nameof(destination));
        Codes.CopyTo(destination.Codes, 0);
    }

    /// <summary>An independent copy.</summary>
    public CellGrid Clone()
    {
        var copy = new CellGrid(Width, Height);
        CopyTo(copy);
        return copy;
    }

    /// <summary>
    /// Writes MiniGrid's encoding of the grid (<c>grid.encode()</c>): <c>Width * Height * 3</c> bytes with cell
    /// (x, y)'s three bytes at <c>(x * Height + y) * 3</c>, empty cells as <c>[1,0,0]</c>.
    /// </summary>
    public void Encode(Span<byte> destination)
    {
        if (destination.Length < Width * Height * 3)
            throw new ArgumentException($"The destination needs {Width * Height * 3} bytes.", nameof(destination));
        for (int x = 0; x < Width; x++)
            for (int y = 0; y < Height; y++)
            {
                uint packed = CellPalette.Cells[Read(x, y)];
                int at = (x * Height + y) * 3;
                destination[at] = (byte)packed;
                destination[at + 1] = (byte)(packed >> 8);
                destination[at + 2] = (byte)(packed >> 16);
            }
    }

    /// <summary>The grid <paramref name="encoding"/> describes, in the layout of <see cref="Encode"/> (boxes empty: put their contents in with <see cref="Set"/>).</summary>
    /// <exception cref="ArgumentException">Wrong length or an unsupported cell.</exception>
    public static CellGrid Decode(int width, int height, ReadOnlySpan<byte> encoding)
    {
        var grid = new CellGrid(width, height);
        if (encoding.Length != width * height * 3)
            throw new ArgumentException($"A {width}x{height} grid encodes as {width * height * 3} bytes, not {encoding.Length}.", nameof(encoding));
        for (int x = 0; x < width; x++)
            for (int y = 0; y < height; y++)
            {
                int at = (x * height + y) * 3;
                var cell = new CellEncoding(encoding[at], encoding[at + 1], encoding[at + 2]);
                if (!CellPalette.TryCodeOf(cell, out byte code))
                    throw new ArgumentException($"Cell ({x}, {y}) = {cell} is not supported (empty, wall, door, key, ball, box, goal, red lava).", nameof(encoding));
                grid.Write(x, y, code);
            }
        return grid;
    }
}
