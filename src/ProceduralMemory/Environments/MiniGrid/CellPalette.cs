namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// The compact encoding of the environment's hot path: every object a DoorKey world can hold gets a one-byte
/// code, and its answers (walkable, transparent, pick-up-able, its three-byte encoding, what toggling it does)
/// are read once from the <see cref="WorldObject"/> types into flat tables indexed by code.
/// </summary>
/// <remarks>
/// Codes: 0 empty; 1-6 wall, 7-12 goal, 13-18 key (by colour); 19-36 door (by colour, then state).
/// Code 0 doubles as "carrying nothing".
/// </remarks>
internal static class CellPalette
{
    public const byte EmptyCode = 0;
    private const int WallBase = 1, GoalBase = 7, KeyBase = 13, DoorBase = 19;
    private const int Colors = 6, States = 3;

    /// <summary>The number of codes.</summary>
    public const int Count = DoorBase + Colors * States;

    /// <summary>The code of MiniGrid's default grey wall, which also fills everything beyond the grid's edge.</summary>
    public const byte GreyWallCode = WallBase + (int)ObjectColor.Grey;

    /// <summary>Flag bits of <see cref="Flags"/>.</summary>
    public const byte SeeBehindFlag = 1, CanOverlapFlag = 2, CanPickUpFlag = 4, GoalFlag = 8;

    /// <summary>Bit of <see cref="Cells"/> set when the cell is transparent (above the 24 bits of its encoding).</summary>
    public const int SeeBehindBit = 31;

    /// <summary>The low 24 bits of a <see cref="Cells"/> entry: type | colour &lt;&lt; 8 | state &lt;&lt; 16.</summary>
    public const uint EncodingMask = 0x00FF_FFFF;

    private static readonly WorldObject[] Objects = new WorldObject[Count];

    /// <summary>Per code: the encoding in the low 24 bits, <see cref="SeeBehindBit"/> when transparent.</summary>
    public static readonly uint[] Cells = new uint[Count];

    /// <summary>Per code: <see cref="SeeBehindFlag"/> | <see cref="CanOverlapFlag"/> | ... .</summary>
    public static readonly byte[] Flags = new byte[Count];

    /// <summary>Per (cell code * <see cref="Count"/> + carried code): the cell's code after a toggle.</summary>
    public static readonly byte[] Toggled = new byte[Count * Count];

    static CellPalette()
    {
        for (int code = 0; code < Count; code++)
            Objects[code] = Create(code);
        for (int code = 0; code < Count; code++)
        {
            WorldObject cell = Objects[code];
            CellEncoding e = cell.Encode();
            Cells[code] = Pack(e) | (cell.SeeBehind ? 1u << SeeBehindBit : 0);
            Flags[code] = (byte)((cell.SeeBehind ? SeeBehindFlag : 0) | (cell.CanOverlap ? CanOverlapFlag : 0)
                | (cell.CanPickUp ? CanPickUpFlag : 0) | (cell.Type == ObjectType.Goal ? GoalFlag : 0));
            for (int carried = 0; carried < Count; carried++)
                Toggled[code * Count + carried] = CodeOf(cell.Toggle(carried == EmptyCode ? null : Objects[carried]));
        }
    }

    /// <summary>The (shared, immutable) object with code <paramref name="code"/>.</summary>
    public static WorldObject ObjectOf(byte code) => Objects[code];

    /// <summary>The code of <paramref name="cell"/>.</summary>
    public static byte CodeOf(WorldObject cell) =>
        TryCodeOf(cell.Encode(), out byte code) ? code : throw new ArgumentException($"Unsupported object {cell}.", nameof(cell));

    /// <summary>The code of the object <paramref name="e"/> encodes, if DoorKey's world can hold it.</summary>
    public static bool TryCodeOf(CellEncoding e, out byte code)
    {
        int color = e.Color, state = e.State;
        int result = (ObjectType)e.Type switch
        {
            ObjectType.Empty when color == 0 && state == 0 => EmptyCode,
            ObjectType.Wall when color < Colors && state == 0 => WallBase + color,
            ObjectType.Goal when color < Colors && state == 0 => GoalBase + color,
            ObjectType.Key when color < Colors && state == 0 => KeyBase + color,
            ObjectType.Door when color < Colors && state < States => DoorBase + color * States + state,
            _ => -1,
        };
        code = (byte)Math.Max(result, 0);
        return result >= 0;
    }

    /// <summary>The encoding packed as type | colour &lt;&lt; 8 | state &lt;&lt; 16.</summary>
    public static uint Pack(CellEncoding e) => e.Type | (uint)e.Color << 8 | (uint)e.State << 16;

    /// <summary>The inverse of <see cref="Pack"/> (ignores bits above 24).</summary>
    public static CellEncoding Unpack(uint packed) => new((byte)packed, (byte)(packed >> 8), (byte)(packed >> 16));

    private static WorldObject Create(int code) => code switch
    {
        EmptyCode => Empty.Instance,
        < GoalBase => new Wall((ObjectColor)(code - WallBase)),
        < KeyBase => new Goal((ObjectColor)(code - GoalBase)),
        < DoorBase => new Key((ObjectColor)(code - KeyBase)),
        _ => new Door((ObjectColor)((code - DoorBase) / States), (DoorState)((code - DoorBase) % States)),
    };
}
