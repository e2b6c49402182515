namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// A thing in a MiniGrid cell. As in MiniGrid, the rules live in the objects: each answers whether the agent may
/// walk over it, pick it up, see behind it, and what toggling it does.
/// </summary>
/// <remarks>
/// Objects are immutable values: toggling returns the object that takes the cell's place. The environment's hot
/// path does not call these members per step; it reads tables that <see cref="CellPalette"/> fills once from
/// these answers, so the rules are written here and only here.
/// </remarks>
/// <param name="Type">The object type.</param>
/// <param name="Color">The colour.</param>
public abstract record WorldObject(ObjectType Type, ObjectColor Color)
{
    /// <summary>The agent may stand on this cell.</summary>
    public virtual bool CanOverlap => false;

    /// <summary>The agent may pick this object up.</summary>
    public virtual bool CanPickUp => false;

    /// <summary>The agent can see the cells behind this one.</summary>
    public virtual bool SeeBehind => true;

    /// <summary>
    /// What the cell holds after the agent toggles it while carrying <paramref name="carrying"/> (null when
    /// empty-handed); the object itself when toggling does nothing.
    /// </summary>
    public virtual WorldObject Toggle(WorldObject? carrying) => this;

    /// <summary>MiniGrid's three-byte encoding of this object.</summary>
    public virtual CellEncoding Encode() => new((byte)Type, (byte)Color, 0);

    /// <summary>MiniGrid's name for the type (<c>wall</c>, <c>door</c>, <c>key</c>, <c>ball</c>, <c>box</c>, <c>goal</c>, <c>lava</c>, <c>empty</c>).</summary>
    public string TypeName => Type.ToString().ToLowerInvariant();

    /// <summary>The object that <paramref name="encoding"/> describes.</summary>
    /// <remarks>A box decodes as an empty one: the encoding does not show what a box holds.</remarks>
    /// <exception cref="ArgumentException">The encoding is not one a MiniGrid world can hold (an unseen cell, a floor tile, a colour above 5).</exception>
    public static WorldObject Decode(CellEncoding encoding) =>
        CellPalette.TryCodeOf(encoding, out byte code)
            ? CellPalette.ObjectOf(code)
            : throw new ArgumentException($"Cell {encoding} is not supported (supported objects: empty, wall, door, key, ball, box, goal, red lava; colours 0..5; door states 0..2).", nameof(encoding));
}
