namespace ProceduralMemory.AI.Chat;

/// <summary>How <see cref="ChatToolAgent"/> runs a task as a conversation.</summary>
public sealed record ChatToolAgentOptions
{
    /// <summary>
    /// The system message every conversation opens with. The default tells the model that the user's message is the
    /// whole request (no one answers follow-up questions) and that tools act on the real records.
    /// </summary>
    public string SystemPrompt { get; init; } =
        "You are a customer-service agent with tools that read and change the records of the business you work for. "
        + "The user's message is their whole request: they cannot answer questions, so carry it out with the tools, "
        + "look up what you need (users, orders, products, reservations) before changing anything, make no change the user did not ask for, "
        + "and end with a short reply to the user that states every fact they asked for.";

    /// <summary>The most model round trips in one conversation (each may run tool calls); default 30.</summary>
    public int MaxIterations { get; init; } = 30;

    /// <summary>The most failed tool calls in a row before the conversation is ended as a failure; default 5.</summary>
    public int MaxConsecutiveErrors { get; init; } = 5;

    /// <summary>The sampling temperature; default 0, so repeated runs differ as little as the server allows.</summary>
    public float Temperature { get; init; }

    /// <summary>The sampling seed for servers that honour one; default 0.</summary>
    public long? Seed { get; init; } = 0;

    /// <summary>How the procedural memory recalls, when the agent has one.</summary>
    public ProceduralMemoryChatOptions Memory { get; init; } = new();

    /// <summary>
    /// True (the default) to report each conversation's outcome to the procedural memory when it ends, so later
    /// conversations recall what earlier successes demonstrated and see how the procedures they follow fare.
    /// </summary>
    public bool ReportOutcomes { get; init; } = true;
}
