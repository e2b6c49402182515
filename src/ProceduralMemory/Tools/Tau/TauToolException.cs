namespace ProceduralMemory.Tools.Tau;

/// <summary>A tool failed the way the reference fails by exception; the call's output is <c>Error: message</c>.</summary>
public sealed class TauToolException : Exception
{
    /// <summary>A failure with the message the caller sees after <c>Error: </c>.</summary>
    public TauToolException(string message) : base(message)
    {
    }

    /// <summary>A failure with no message.</summary>
    public TauToolException() : base("")
    {
    }

    /// <summary>A failure wrapping another.</summary>
    public TauToolException(string message, Exception inner) : base(message, inner)
    {
    }
}
