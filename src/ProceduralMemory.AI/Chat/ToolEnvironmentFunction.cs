using System.Text.Json;
using Microsoft.Extensions.AI;
using ProceduralMemory.Tools;

namespace ProceduralMemory.AI.Chat;

/// <summary>
/// One tool of an <see cref="IToolEnvironment"/> as an <see cref="AIFunction"/> a chat client can call: its name,
/// description and JSON schema as the environment declares them; a call runs against the environment's current
/// episode. A failed call throws <see cref="ToolCallFailedException"/>, so a function-invoking client reports it as an
/// error (its message reaches the model when detailed errors are on) and the middleware records it as one.
/// </summary>
public sealed class ToolEnvironmentFunction : AIFunction
{
    private readonly IToolEnvironment environment;
    private readonly ToolDefinition tool;

    /// <summary>The function calling <paramref name="tool"/> on <paramref name="environment"/>.</summary>
    public ToolEnvironmentFunction(IToolEnvironment environment, ToolDefinition tool)
    {
        this.environment = environment ?? throw new ArgumentNullException(nameof(environment));
        this.tool = tool ?? throw new ArgumentNullException(nameof(tool));
    }

    /// <summary>Every tool of <paramref name="environment"/> as a function, in its order.</summary>
    public static IReadOnlyList<AIFunction> All(IToolEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return [.. environment.Tools.Select(t => new ToolEnvironmentFunction(environment, t))];
    }

    /// <inheritdoc />
    public override string Name => tool.Name;

    /// <inheritdoc />
    public override string Description => tool.Description;

    /// <inheritdoc />
    public override JsonElement JsonSchema => tool.Parameters;

    /// <inheritdoc />
    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        JsonElement json = JsonSerializer.SerializeToElement<IDictionary<string, object?>>(arguments, AIJsonUtilities.DefaultOptions);
        ToolResult result = environment.Invoke(new ToolCall(tool.Name, json));
        if (result.IsError)
            throw new ToolCallFailedException(result.Output);
        return ValueTask.FromResult<object?>(result.Output);
    }
}
