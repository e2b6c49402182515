namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// The compact encoding of the environment's hot path: every object a DoorKey world can hold gets a one-byte
/// code, and its answers (walkable, transparent, pick-up-able, its three-byte encoding, what toggling it does)
/// are read once from the <see cref="WorldObject"/> types into flat tables indexed by code.
/// </summary>
/// <remarks>
/// A code is an index (0 unseen; 1 empty; 2-7 wall, 8-13 goal, 14-19 key, by colour; 20-37 door, by colour then
/// state) plus <see cref="OpaqueBit"/> when the object hides what is behind it, so that the view can tell which
/// of 8 cells block sight from one 8-byte load. The empty code doubles as "carrying nothing", and a code of 0
/// (unseen) never lies on a grid, so that masking a cell's byte to 0 hides it.
/// </remarks>
internal static class CellPalette
{
    public const byte UnseenCode = 0;
    public const byte EmptyCode = 1;
    private const int WallBase = 2, GoalBase = 8, KeyBase = 14, DoorBase = 20;
    private const int Colors = 6, States = 3;

    /// <summary>The number of distinct objects (code indices).</summary>
    public const int Count = DoorBase + Colors * States;

    /// <summary>Set in the code of every object that blocks sight.</summary>
    public const byte OpaqueBit = 0x80;

    /// <summary>The code of MiniGrid's default grey wall, which also fills everything beyond the grid's edge.</summary>
    public const byte GreyWallCode = (WallBase + (int)ObjectColor.Grey) | OpaqueBit;

    /// <summary>Flag bits of <see cref="Flags"/>.</summary>
    public const byte CanOverlapFlag = 1, CanPickUpFlag = 2, GoalFlag = 4;

    private static readonly WorldObject?[] Objects = new WorldObject?[256];
    private static readonly byte[] CodeByIndex = new byte[Count];

    /// <summary>Per code: the encoding, type | colour &lt;&lt; 8 | state &lt;&lt; 16 (0 for unseen).</summary>
    public static readonly uint[] Cells = new uint[256];

    /// <summary>Per code: <see cref="CanOverlapFlag"/> | <see cref="CanPickUpFlag"/> | <see cref="GoalFlag"/>.</summary>
    public static readonly byte[] Flags = new byte[256];

    /// <summary>Per (cell index * <see cref="Count"/> + carried index): the cell's code after a toggle.</summary>
    private static readonly byte[] Toggles = new byte[Count * Count];

    static CellPalette()
    {
        byte[] codes = CodeByIndex;
        for (int index = EmptyCode; index < Count; index++)
        {
            WorldObject cell = Create(index);
            codes[index] = (byte)(index | (cell.SeeBehind ? 0 : OpaqueBit));
            Objects[codes[index]] = cell;
            Cells[codes[index]] = Pack(cell.Encode());
            Flags[codes[index]] = (byte)((cell.CanOverlap ? CanOverlapFlag : 0) | (cell.CanPickUp ? CanPickUpFlag : 0)
                | (cell.Type == ObjectType.Goal ? GoalFlag : 0));
        }
        for (int cell = EmptyCode; cell < Count; cell++)
            for (int carried = EmptyCode; carried < Count; carried++)
                Toggles[cell * Count + carried] = CodeOf(Objects[codes[cell]]!.Toggle(carried == EmptyCode ? null : Objects[codes[carried]]));
    }

    /// <summary>The code <paramref name="cell"/> becomes when toggled by an agent carrying <paramref name="carried"/>.</summary>
    public static byte Toggled(byte cell, byte carried) => Toggles[(cell & ~OpaqueBit) * Count + (carried & ~OpaqueBit)];

    /// <summary>The (shared, immutable) object with code <paramref name="code"/>.</summary>
    public static WorldObject ObjectOf(byte code) =>
        Objects[code] ?? throw new ArgumentOutOfRangeException(nameof(code), code, "Not the code of an object.");

    /// <summary>The code of <paramref name="cell"/>.</summary>
    public static byte CodeOf(WorldObject cell) =>
        TryCodeOf(cell.Encode(), out byte code) ? code : throw new ArgumentException($"Unsupported object {cell}.", nameof(cell));

    /// <summary>The code of the object <paramref name="e"/> encodes, if DoorKey's world can hold it.</summary>
    public static bool TryCodeOf(CellEncoding e, out byte code)
    {
        int color = e.Color, state = e.State;
        int index = (ObjectType)e.Type switch
        {
            ObjectType.Empty when color == 0 && state == 0 => EmptyCode,
            ObjectType.Wall when color < Colors && state == 0 => WallBase + color,
            ObjectType.Goal when color < Colors && state == 0 => GoalBase + color,
            ObjectType.Key when color < Colors && state == 0 => KeyBase + color,
            ObjectType.Door when color < Colors && state < States => DoorBase + color * States + state,
            _ => -1,
        };
        code = index < 0 ? UnseenCode : CodeByIndex[index];
        return index >= 0;
    }

    /// <summary>The encoding packed as type | colour &lt;&lt; 8 | state &lt;&lt; 16.</summary>
    public static uint Pack(CellEncoding e) => e.Type | (uint)e.Color << 8 | (uint)e.State << 16;

    /// <summary>The inverse of <see cref="Pack"/> (ignores bits above 24).</summary>
    public static CellEncoding Unpack(uint packed) => new((byte)packed, (byte)(packed >> 8), (byte)(packed >> 16));

    private static WorldObject Create(int index) => index switch
    {
        EmptyCode => Empty.Instance,
        < GoalBase => new Wall((ObjectColor)(index - WallBase)),
        < KeyBase => new Goal((ObjectColor)(index - GoalBase)),
        < DoorBase => new Key((ObjectColor)(index - KeyBase)),
        _ => new Door((ObjectColor)((index - DoorBase) / States), (DoorState)((index - DoorBase) % States)),
    };
}
