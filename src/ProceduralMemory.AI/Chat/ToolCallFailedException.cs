namespace ProceduralMemory.AI.Chat;

/// <summary>A tool call that failed and changed nothing; the message is the tool's error as the caller should see it.</summary>
public sealed class ToolCallFailedException(string message) : Exception(message);
