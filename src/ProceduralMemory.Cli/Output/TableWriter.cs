using Spectre.Console;

namespace ProceduralMemory.Cli.Output;

/// <summary>Writes a table: with Spectre's borders on a terminal, as space-aligned plain columns when redirected (easy to grep and diff).</summary>
internal static class TableWriter
{
    public static void Write(CliConsole console, string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        if (console.IsTerminal)
        {
            var table = new Table().Title(Markup.Escape(title)).AddColumns(headers.Select(Markup.Escape).ToArray());
            foreach (var row in rows)
                table.AddRow(row.Select(Markup.Escape).ToArray());
            console.Ansi.Write(table);
            return;
        }
        var widths = headers.Select((h, c) => rows.Select(r => r[c].Length).Prepend(h.Length).Max()).ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd();
        console.Out.WriteLine(title);
        console.Out.WriteLine(Line(headers));
        foreach (var row in rows)
            console.Out.WriteLine(Line(row));
    }
}
