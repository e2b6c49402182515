namespace ProceduralMemory.Memory.Store;

/// <summary>
/// A library cannot be used as asked: the file is not a library, is corrupt, was made by a newer version, belongs
/// to another kind of environment, or holds data that fails validation. The message is one line meant for a user.
/// </summary>
public sealed class LibraryException : Exception
{
    /// <summary>Creates the exception with a one-line <paramref name="message"/>.</summary>
    public LibraryException(string message) : base(message) { }

    /// <summary>Creates the exception with a one-line <paramref name="message"/> and its cause.</summary>
    public LibraryException(string message, Exception innerException) : base(message, innerException) { }
}
