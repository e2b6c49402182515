using ProceduralMemory.Cli;

return CommandLineApp.Run(args, CliConsole.FromSystem());
