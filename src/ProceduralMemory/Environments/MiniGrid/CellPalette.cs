namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// The compact encoding of the environment's hot path: every object a MiniGrid world can hold gets a one-byte
/// code, and its answers (walkable, transparent, pick-up-able, its three-byte encoding, what toggling it does)
/// are read once from the <see cref="WorldObject"/> types into flat tables indexed by code.
/// </summary>
/// <remarks>
/// <para>The objects, in code order: unseen (0), empty (1), then walls, goals, keys and balls of each colour, red
/// lava, doors of each colour and state, and boxes of each colour holding nothing, a key or a ball of each colour:
/// 123 in all, so that a code fits in 7 bits. A box's contents are part of its code, so a box is one immutable
/// value wherever it is (on the floor or carried). Floor tiles, which no registered environment uses, are left out.</para>
/// <para>A code is that index plus <see cref="OpaqueBit"/> when the object hides what is behind it, so that the view
/// can tell which of 8 cells block sight from one 8-byte load. The empty code doubles as "carrying nothing", and a
/// code of 0 (unseen) never lies on a grid, so that masking a cell's byte to 0 hides it.</para>
/// </remarks>
internal static class CellPalette
{
    public const byte UnseenCode = 0;
    public const byte EmptyCode = 1;

    /// <summary>Set in the code of every object that blocks sight.</summary>
    public const byte OpaqueBit = 0x80;

    /// <summary>Flag bits of <see cref="Flags"/>.</summary>
    public const byte CanOverlapFlag = 1, CanPickUpFlag = 2, GoalFlag = 4, LavaFlag = 8;

    // A box's contents: nothing, a key of each colour, a ball of each colour.
    private const int ColorCount = 6, BoxContentKinds = 1 + 2 * ColorCount;

    private static readonly WorldObject?[] Objects = new WorldObject?[256];

    // The code of each object, found from its encoding rather than by hashing the record, since generators put
    // objects on grids at every reset: per encoding slot (boxes aside), and per box colour and contents; 0 for none.
    private static readonly byte[] CodesByEncoding = new byte[16 * 8 * 4];
    private static readonly byte[] BoxCodes = new byte[ColorCount * BoxContentKinds];

    /// <summary>The number of distinct objects (code indices), unseen included.</summary>
    public static readonly int Count;

    /// <summary>The code of MiniGrid's default grey wall, which also fills everything beyond the grid's edge.</summary>
    public static readonly byte GreyWallCode;

    /// <summary>Per code: the encoding, type | colour &lt;&lt; 8 | state &lt;&lt; 16 (0 for unseen).</summary>
    public static readonly uint[] Cells = new uint[256];

    /// <summary>Per code: <see cref="CanOverlapFlag"/> | <see cref="CanPickUpFlag"/> | <see cref="GoalFlag"/> | <see cref="LavaFlag"/>.</summary>
    public static readonly byte[] Flags = new byte[256];

    /// <summary>Per (cell index * <see cref="Count"/> + carried index): the cell's code after a toggle.</summary>
    private static readonly byte[] Toggles;

    static CellPalette()
    {
        List<WorldObject> all = [.. Enumerate()];
        Count = all.Count + 1;
        if (Count > OpaqueBit)
            throw new InvalidOperationException($"{Count} objects do not fit a 7-bit code.");
        for (int index = EmptyCode; index < Count; index++)
        {
            WorldObject cell = all[index - 1];
            byte code = (byte)(index | (cell.SeeBehind ? 0 : OpaqueBit));
            Objects[code] = cell;
            if (cell is Box box)
                BoxCodes[BoxSlot(box)] = code;
            else
                CodesByEncoding[EncodingSlot(cell.Encode())] = code;
            Cells[code] = Pack(cell.Encode());
            Flags[code] = (byte)((cell.CanOverlap ? CanOverlapFlag : 0) | (cell.CanPickUp ? CanPickUpFlag : 0)
                | (cell.Type == ObjectType.Goal ? GoalFlag : 0) | (cell.Type == ObjectType.Lava ? LavaFlag : 0));
        }
        GreyWallCode = CodeOf(new Wall(ObjectColor.Grey));
        Toggles = new byte[Count * Count];
        for (int cell = EmptyCode; cell < Count; cell++)
            for (int carried = EmptyCode; carried < Count; carried++)
                Toggles[cell * Count + carried] = CodeOf(Objects[CodeAt(cell)]!.Toggle(carried == EmptyCode ? null : Objects[CodeAt(carried)]));
    }

    private static IEnumerable<WorldObject> Enumerate()
    {
        ObjectColor[] colors = Enum.GetValues<ObjectColor>();
        yield return Empty.Instance;
        foreach (ObjectColor color in colors)
            yield return new Wall(color);
        foreach (ObjectColor color in colors)
            yield return new Goal(color);
        foreach (ObjectColor color in colors)
            yield return new Key(color);
        foreach (ObjectColor color in colors)
            yield return new Ball(color);
        yield return Lava.Instance;
        foreach (ObjectColor color in colors)
            foreach (DoorState state in Enum.GetValues<DoorState>())
                yield return new Door(color, state);
        foreach (ObjectColor color in colors)
        {
            yield return new Box(color);
            foreach (ObjectColor inside in colors)
                yield return new Box(color, new Key(inside));
            foreach (ObjectColor inside in colors)
                yield return new Box(color, new Ball(inside));
        }
    }

    // The code of the object with index `index` (the index with its opaque bit, if any).
    private static byte CodeAt(int index) => Objects[index] is not null ? (byte)index : (byte)(index | OpaqueBit);

    /// <summary>The code <paramref name="cell"/> becomes when toggled by an agent carrying <paramref name="carried"/>.</summary>
    public static byte Toggled(byte cell, byte carried) => Toggles[(cell & ~OpaqueBit) * Count + (carried & ~OpaqueBit)];

    /// <summary>The (shared, immutable) object with code <paramref name="code"/>.</summary>
    public static WorldObject ObjectOf(byte code) =>
        Objects[code] ?? throw new ArgumentOutOfRangeException(nameof(code), code, "Not the code of an object.");

    /// <summary>The code of <paramref name="cell"/>.</summary>
    /// <exception cref="ArgumentException">A MiniGrid world cannot hold the object (e.g. a box inside a box).</exception>
    public static byte CodeOf(WorldObject cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        int slot = cell is Box box ? BoxSlot(box) : EncodingSlot(cell.Encode());
        byte code = slot < 0 ? UnseenCode : (cell is Box ? BoxCodes : CodesByEncoding)[slot];
        // An encoding names one object among the palette's own types; any other type is not one of them.
        if (code == UnseenCode || Objects[code]!.GetType() != cell.GetType())
            throw new ArgumentException($"Unsupported object {cell}.", nameof(cell));
        return code;
    }

    private static int EncodingSlot(CellEncoding e) =>
        e.Type < 16 && e.Color < 8 && e.State < 4 ? e.Type << 5 | e.Color << 2 | e.State : -1;

    private static int BoxSlot(Box box)
    {
        int contents = box.Contains switch
        {
            null => 0,
            Key { Color: < (ObjectColor)ColorCount } key => 1 + (int)key.Color,
            Ball { Color: < (ObjectColor)ColorCount } ball => 1 + ColorCount + (int)ball.Color,
            _ => -1,
        };
        return contents >= 0 && box.Color < (ObjectColor)ColorCount ? (int)box.Color * BoxContentKinds + contents : -1;
    }

    /// <summary>
    /// The code of the object <paramref name="e"/> encodes, if a MiniGrid world can hold it; a box encodes as an
    /// empty one (the encoding does not show contents).
    /// </summary>
    public static bool TryCodeOf(CellEncoding e, out byte code)
    {
        WorldObject? cell = e.Color >= 6 ? null : (ObjectType)e.Type switch
        {
            ObjectType.Empty when e.Color == 0 && e.State == 0 => Empty.Instance,
            ObjectType.Wall when e.State == 0 => new Wall((ObjectColor)e.Color),
            ObjectType.Goal when e.State == 0 => new Goal((ObjectColor)e.Color),
            ObjectType.Key when e.State == 0 => new Key((ObjectColor)e.Color),
            ObjectType.Ball when e.State == 0 => new Ball((ObjectColor)e.Color),
            ObjectType.Box when e.State == 0 => new Box((ObjectColor)e.Color),
            ObjectType.Lava when e.Color == (byte)ObjectColor.Red && e.State == 0 => Lava.Instance,
            ObjectType.Door when e.State < 3 => new Door((ObjectColor)e.Color, (DoorState)e.State),
            _ => null,
        };
        code = cell is null ? UnseenCode : CodeOf(cell);
        return cell is not null;
    }

    /// <summary>The encoding packed as type | colour &lt;&lt; 8 | state &lt;&lt; 16.</summary>
    public static uint Pack(CellEncoding e) => e.Type | (uint)e.Color << 8 | (uint)e.State << 16;

    /// <summary>The inverse of <see cref="Pack"/> (ignores bits above 24).</summary>
    public static CellEncoding Unpack(uint packed) => new((byte)packed, (byte)(packed >> 8), (byte)(packed >> 16));
}
