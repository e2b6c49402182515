namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>MiniGrid's three-byte encoding of a cell: object type, colour and state.</summary>
/// <param name="Type">The object type (<see cref="ObjectType"/>).</param>
/// <param name="Color">The colour (<see cref="ObjectColor"/>); 0 for empty and unseen cells.</param>
/// <param name="State">The door state (<see cref="DoorState"/>); 0 for everything else.</param>
public readonly record struct CellEncoding(byte Type, byte Color, byte State)
{
    /// <summary>Formats as MiniGrid's JSON does: <c>[type,color,state]</c>.</summary>
    public override string ToString() => $"[{Type},{Color},{State}]";
}
