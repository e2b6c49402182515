using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tests.Tools.Procedures.Induction;

/// <summary>Demonstrations in the lending library: an instruction and only the state-changing calls that carried it out.</summary>
internal static class Demonstrations
{
    public static readonly ToolDemonstration ReturnAda = new("library/1",
        "Hello, this is Ada Lovelace. I would like to return Dune and Emma from loan L-20417.",
        [LibraryWorld.Return("L-20417", "bk_2001", "bk_2002")]);

    public static readonly ToolDemonstration ReturnGrace = new("library/2",
        "Hi! Please return Solaris and Persuasion on loan L-30021, thanks.",
        [LibraryWorld.Return("L-30021", "bk_2007", "bk_2006")]);

    public static readonly ToolDemonstration RenewAlan = new("library/3",
        "This is Alan Turing. Could you renew loan L-40112 for two weeks?",
        [LibraryWorld.Renew("L-40112", "two weeks")]);

    public static readonly ToolDemonstration RenewAda = new("library/4",
        "Renew my loan L-20533 for four weeks please.",
        [LibraryWorld.Renew("L-20533", "four weeks")]);

    public static IReadOnlyList<ToolDemonstration> All => [ReturnAda, ReturnGrace, RenewAlan, RenewAda];
}
