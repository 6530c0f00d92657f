using System.CommandLine;

namespace Saffu.Cli.Commands;

/// <summary>
/// `saffu listen PATH... --blob FILE [--json FILE] [--say] [--mic]`: spoken commands through the recogniser
/// (pocketsphinx with the language model beside the blob) and then the device runtime, as `saffu run` (docs/cli.md).
/// </summary>
public static class ListenCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "WAV files, or folders of them (every *.wav below). Audio that is not 16 kHz mono 16-bit is converted with sox.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var blob = new Option<string>("--blob") { Description = "The model blob written by 'saffu export'; FILE.arpa and FILE.dict beside it are the recogniser's language model and dictionary.", HelpName = "FILE", Required = true };
        var json = new Option<string?>("--json") { Description = "Also write one JSON object per audio file (JSON Lines) to FILE.", HelpName = "FILE" };
        var say = new Option<bool>("--say") { Description = "Speak each answer with flite. Default: false." };
        var port = new Option<string?>("--port")
        {
            Description = "Send each transcript to the device application over its serial protocol (a serial port, or sim:DIR for the simulated device) and report the device's decision instead of this computer's.",
            HelpName = "PORT",
        };
        var hearing = ShareOption("--hearing-threshold", "P", "a posterior", Saffu.Training.Speech.HearingCheck.DefaultThreshold,
            "Refuse a command when a word its decision depends on has a recogniser posterior below P (asks to repeat; nothing is switched or sent). 0 turns the check off.");
        var consensus = ShareOption("--consensus", "A", "a share", Saffu.Training.Speech.HearingCheck.DefaultConsensus,
            "Refuse a command when less than A of the recogniser's N-best list (by posterior mass) leads to the same decision (asks to repeat; nothing is switched or sent). 0 turns it off.");
        var floor = ShareOption("--action-floor", "F", "a confidence", Saffu.Training.Speech.HearingCheck.DefaultFloor,
            "Refuse a command whose decision would drive a light when the model's confidence is below F (spoken input only; nothing is switched or sent). 0 turns it off.");
        var everyLight = ShareOption("--every-light", "P", "a posterior", Saffu.Training.Speech.HearingCheck.DefaultEveryLight,
            "Refuse a command that would switch every light without naming a light, a room or an every-light word ('all', 'every', …) when any of its words has a recogniser posterior below P (a misheard name leaves 'light on please'; asks to repeat; nothing is switched or sent). 0 turns it off.");
        var rival = new Option<string>("--rival-grammar")
        {
            Description = "Decode the audio of a command that would drive a light again with a grammar in which each word its decision depends on alternates with the model's sound-alike words, all paths equally likely; "
                + "refuse (asks to repeat; nothing is switched or sent) when that sentence drives lights another way ('differs') or also when it drives none ('any'); 'off' does not decode again. "
                + $"Default: {Saffu.Training.Speech.HearingCheck.DefaultRival.ToString().ToLowerInvariant()}.",
            HelpName = "RULE",
            DefaultValueFactory = _ => Saffu.Training.Speech.HearingCheck.DefaultRival.ToString().ToLowerInvariant(),
        };
        rival.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && Rule(result.Tokens[^1].Value) is null)
                result.AddError($"--rival-grammar {result.Tokens[^1].Value} is invalid; expected off, differs or any.");
        });
        var mic = new Option<bool>("--mic") { Description = "Listen to the microphone (continuous, voice-activity detection) instead of files, until Ctrl+C. Default: false." };
        var command = new Command("listen",
            "Recognise spoken commands (WAV files or the microphone) with pocketsphinx and the language model fitted to the blob, "
            + "and run each transcript through the device runtime: intent, slots, the action on the pins, and the answer.");
        command.Arguments.Add(paths);
        foreach (Option o in new Option[] { blob, json, say, mic, port, hearing, consensus, floor, everyLight, rival }) command.Options.Add(o);
        command.Validators.Add(result =>
        {
            int count = result.GetValue(paths)?.Length ?? 0;
            bool fromMic = result.GetValue(mic);
            if (count == 0 && !fromMic) result.AddError("No audio: expected PATH (WAV files or folders) or --mic.");
            if (count > 0 && fromMic) result.AddError("PATH and --mic together; expected one of them.");
        });
        command.SetAction(parse => new ListenRun(parse.GetValue(blob)!, parse.GetValue(paths) ?? [], parse.GetValue(json), parse.GetValue(say),
            parse.GetValue(mic), parse.GetValue(port), parse.GetValue(hearing), parse.GetValue(consensus), parse.GetValue(floor), Rule(parse.GetValue(rival)) ?? Saffu.Training.Speech.HearingCheck.DefaultRival, parse.GetValue(everyLight), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error).Execute());
        return command;
    }

    /// <summary>A value from 0 (the rule off) to 1, its default in the help, and the range checked with the same error for every such flag.</summary>
    static Option<double> ShareOption(string name, string helpName, string what, double fallback, string description)
    {
        var option = new Option<double>(name)
        {
            Description = description + $" Default: {fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)}.",
            HelpName = helpName,
            DefaultValueFactory = _ => fallback,
        };
        option.Validators.Add(result =>
        {
            double value = result.GetValueOrDefault<double>();
            if (!(value >= 0 && value <= 1))
                result.AddError($"{name} {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is invalid; expected {what} from 0 (off) to 1.");
        });
        return option;
    }

    static Saffu.Training.Speech.RivalRule? Rule(string? name) => name switch
    {
        "off" => Saffu.Training.Speech.RivalRule.Off,
        "differs" => Saffu.Training.Speech.RivalRule.Differs,
        "any" => Saffu.Training.Speech.RivalRule.Any,
        _ => null,
    };
}
