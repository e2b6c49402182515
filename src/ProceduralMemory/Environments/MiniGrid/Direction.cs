namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>The agent's facing, numbered as MiniGrid's <c>agent_dir</c>; y grows downwards.</summary>
public enum Direction : byte
{
    /// <summary>Towards +x.</summary>
    Right = 0,

    /// <summary>Towards +y.</summary>
    Down = 1,

    /// <summary>Towards -x.</summary>
    Left = 2,

    /// <summary>Towards -y.</summary>
    Up = 3,
}
