namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>MiniGrid's colours, numbered as in its <c>COLOR_TO_IDX</c> (the second byte of a cell's encoding).</summary>
public enum ObjectColor : byte
{
    /// <summary>Red.</summary>
    Red = 0,

    /// <summary>Green (the goal's colour).</summary>
    Green = 1,

    /// <summary>Blue.</summary>
    Blue = 2,

    /// <summary>Purple.</summary>
    Purple = 3,

    /// <summary>Yellow (DoorKey's door and key).</summary>
    Yellow = 4,

    /// <summary>Grey (the walls' colour).</summary>
    Grey = 5,
}
