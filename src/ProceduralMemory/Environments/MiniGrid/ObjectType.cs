namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>MiniGrid's object types, numbered as in its <c>OBJECT_TO_IDX</c> (the first byte of a cell's encoding).</summary>
public enum ObjectType : byte
{
    /// <summary>A cell outside the agent's view (only in observations).</summary>
    Unseen = 0,

    /// <summary>Nothing: the agent may walk here.</summary>
    Empty = 1,

    /// <summary>A wall.</summary>
    Wall = 2,

    /// <summary>A floor tile (no registered environment uses it; not supported on grids).</summary>
    Floor = 3,

    /// <summary>A door, open, closed or locked.</summary>
    Door = 4,

    /// <summary>A key.</summary>
    Key = 5,

    /// <summary>A ball.</summary>
    Ball = 6,

    /// <summary>A box, possibly holding a key or a ball.</summary>
    Box = 7,

    /// <summary>The goal.</summary>
    Goal = 8,

    /// <summary>Lava.</summary>
    Lava = 9,

    /// <summary>The agent (not used in observations by MiniGrid's default encoding).</summary>
    Agent = 10,
}
