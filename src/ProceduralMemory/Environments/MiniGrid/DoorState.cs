namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>A door's state, numbered as in MiniGrid's <c>STATE_TO_IDX</c> (the third byte of a door's encoding).</summary>
public enum DoorState : byte
{
    /// <summary>Open: the agent may walk through and see through it.</summary>
    Open = 0,

    /// <summary>Closed: blocks movement and sight; toggling opens it.</summary>
    Closed = 1,

    /// <summary>Locked: like closed, but only a key of the door's colour opens it.</summary>
    Locked = 2,
}
