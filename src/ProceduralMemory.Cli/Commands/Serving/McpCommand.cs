using System.CommandLine;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ProceduralMemory.AI.Memory;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Cli.Commands.Serving;

/// <summary>
/// <c>procmem mcp --library LIB [--domain tau-retail|tau-airline | --tools FILE] [--data DIR]</c>: serves the library as a
/// Model Context Protocol server over stdio (the tools <c>recall_procedures</c>, <c>record_trajectory</c>,
/// <c>report_outcome</c>, <c>list_procedures</c> and the resource <c>procedure://{id}</c>). Standard output carries the
/// protocol and nothing else; warnings go to standard error. Bad options are exit 2 with one line, before serving.
/// </summary>
internal static class McpCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new MemoryOptions();
        var command = new Command("mcp", "Serve a procedure library to agents as an MCP server over stdio (recall, record trajectories, report outcomes, list).");
        options.AddTo(command);
        command.SetAction((parsed, cancellation) => RunAsync(console, options, parsed, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, MemoryOptions options, ParseResult parsed, CancellationToken cancellation)
    {
        // Opened before the server starts, so a bad library or tool source is a one-line exit 2, not a protocol error.
        (ISkillStore store, ProcedureMemory memory) = options.Open(parsed);
        using (store)
        {
            if (!memory.CanRecord)
                console.Error.WriteLine("procmem mcp: no --domain or --tools given, so record_trajectory will refuse trajectories.");
            // The empty builder reads no appsettings.json and adds no stdout logger: stdout is the protocol's alone.
            HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            // The SDK logs every refused request (an unknown tool, a missing resource) with its stack trace; the client
            // is told the reason, so the host's log keeps only what breaks the server.
            builder.Logging.AddFilter("ModelContextProtocol", LogLevel.Critical);
            builder.Services
                .AddMcpServer(o => o.ServerInfo = new Implementation
                {
                    Name = "procmem",
                    Version = typeof(McpCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
                })
                .WithStdioServerTransport()
                .WithProceduralMemoryTools(memory);
            using IHost host = builder.Build();
            await host.RunAsync(cancellation);
        }
        return ExitCodes.Ok;
    }
}
