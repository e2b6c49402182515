namespace ProceduralMemory.Memory.Store;

/// <summary>
/// The manifest a store last read from its meta row, parsed only when the text changes: stores read the row on every
/// transaction, since another process may have created the library since, or re-keyed it (a commit with a
/// <see cref="LibraryCommit.Rekey"/> changes the manifest's key model and dimension; nothing else of it ever changes).
/// </summary>
/// <remarks>Not thread-safe: a store uses it under its own lock.</remarks>
public sealed class ManifestCache
{
    private string? _text;

    /// <summary>The manifest, or <c>null</c> while the store holds no library yet.</summary>
    public LibraryManifest? Manifest { get; private set; }

    /// <summary>Takes the meta row's manifest text (<c>null</c> or empty: no library yet).</summary>
    /// <param name="text">The stored text (<see cref="ManifestJson"/>).</param>
    /// <param name="location">Where the store is (a path, or a server and database), for the message.</param>
    /// <exception cref="LibraryException">The text is not a valid manifest.</exception>
    public void Apply(string? text, string location)
    {
        if (string.IsNullOrEmpty(text))
        {
            (_text, Manifest) = (null, null);
            return;
        }
        if (text == _text)
            return;
        try
        {
            (_text, Manifest) = (text, ManifestJson.Read(text));
        }
        catch (InvalidDataException e)
        {
            throw new LibraryException($"{location} has a damaged manifest ({e.Message})", e);
        }
    }
}
