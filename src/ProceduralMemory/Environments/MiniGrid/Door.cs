namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// A door: walkable and transparent only when open. Toggling opens or closes it; a locked door opens only for
/// an agent carrying a key of its colour, and then it is unlocked and opened in the same toggle (MiniGrid's rule).
/// </summary>
/// <param name="Color">The door's colour.</param>
/// <param name="State">Open, closed or locked.</param>
public sealed record Door(ObjectColor Color, DoorState State) : WorldObject(ObjectType.Door, Color)
{
    /// <summary>True when the door is open.</summary>
    public bool IsOpen => State == DoorState.Open;

    /// <inheritdoc />
    public override bool CanOverlap => IsOpen;

    /// <inheritdoc />
    public override bool SeeBehind => IsOpen;

    /// <inheritdoc />
    public override WorldObject Toggle(WorldObject? carrying) => State switch
    {
        DoorState.Locked => carrying is Key key && key.Color == Color ? this with { State = DoorState.Open } : this,
        DoorState.Closed => this with { State = DoorState.Open },
        _ => this with { State = DoorState.Closed },
    };

    /// <inheritdoc />
    public override CellEncoding Encode() => new((byte)Type, (byte)Color, (byte)State);
}
