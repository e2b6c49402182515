namespace ProceduralMemory.Environments;

/// <summary>An environment that can draw its current state as plain text (for <c>procmem show</c> and debugging).</summary>
public interface ITextRenderable
{
    /// <summary>The current state as lines of text, top row first, with a legend.</summary>
    string RenderText();
}
