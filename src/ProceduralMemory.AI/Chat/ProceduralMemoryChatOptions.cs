namespace ProceduralMemory.AI.Chat;

/// <summary>How <see cref="ProceduralMemoryChatClient"/> recalls procedures into a conversation.</summary>
public sealed record ProceduralMemoryChatOptions
{
    /// <summary>The most procedures recalled into one request (default 3).</summary>
    public int MaxProcedures { get; init; } = 3;

    /// <summary>The least cosine similarity between the user's message and a procedure's purpose for it to be recalled (default 0.2).</summary>
    public float SimilarityFloor { get; init; } = 0.2f;

    /// <summary>
    /// True (the default) to append the recalled procedures as JSON to the guidance, for a model or client that runs
    /// them step by step; false for the rendered text alone.
    /// </summary>
    public bool IncludeProcedureJson { get; init; } = true;

    /// <summary>The conversation a request belongs to when its <see cref="Microsoft.Extensions.AI.ChatOptions"/> name none.</summary>
    public string DefaultConversation { get; init; } = "default";
}
