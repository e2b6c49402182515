using ModelContextProtocol.Server;
using ProceduralMemory.AI.Mcp;
using ProceduralMemory.AI.Memory;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds procmem's tools and resources to an MCP server the user builds.</summary>
public static class ProceduralMemoryMcpServerBuilderExtensions
{
    /// <summary>
    /// Adds the procedural-memory tools (<c>recall_procedures</c>, <c>record_trajectory</c>, <c>report_outcome</c>,
    /// <c>list_procedures</c>) and the <c>procedure://{id}</c> resource over <paramref name="memory"/> to the server.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddMcpServer().WithStdioServerTransport().WithProceduralMemoryTools(memory);
    /// </code>
    /// </example>
    public static IMcpServerBuilder WithProceduralMemoryTools(this IMcpServerBuilder builder, ProcedureMemory memory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(memory);
        return builder.WithTools(ProcedureMcpTools.Tools(memory)).WithResources(ProcedureMcpTools.Resources(memory));
    }
}
