#:project ../../trainer-host/Saffu.Training/Saffu.Training.csproj
// The fitted language model's rival-class variants measured in docs/voice.md §11 (not what `saffu export` writes):
// for each variant, FOLDER-NAME/lights.{blob,arpa,dict} with the blob copied, so the spoken-command benchmark can score it
// (`--blob FOLDER-NAME/lights.blob`). Run from the repository root after tools/main-job and tools/setup-speech:
//
//   dotnet run -c Release tools/arpa-variants/arpa-variants.cs -- [--model build/lights/model] [--blob build/lights/lights.blob] [--out build/lm]
//
// Variants: shared-all (every class shares one probability in every context), said-all (the members said in a
// context share its count), said-pc and shared-pc (only the particles and comparatives).
using Saffu.Training.Simulation;
using Saffu.Training.Speech;
using Saffu.Training.Training;

string folder = "build/lights/model", blob = "build/lights/lights.blob", output = "build/lm";
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--model": folder = args[i + 1]; break;
        case "--blob": blob = args[i + 1]; break;
        case "--out": output = args[i + 1]; break;
        default: Console.Error.WriteLine($"arpa-variants: unknown option {args[i]}; expected --model, --blob or --out"); return 2;
    }
}
var contents = ModelFolder.Load(folder);
var (texts, _) = ModelFolder.CorpusTexts(folder, contents);
var dictionary = PronunciationDictionary.Load(StockSpeechModel.Default.Dictionary);
var all = RivalWordClasses.Of(SimulatedModel.LoadFile(blob));
var particles = all.Take(2).ToList();
foreach (var (name, classes, balance) in new[] {
    ("shared-all", all, RivalBalance.Shared), ("said-all", all, RivalBalance.Said),
    ("said-pc", particles, RivalBalance.Said), ("shared-pc", particles, RivalBalance.Shared) })
{
    var files = SpeechModelFiles.FromCorpus(texts, contents.Model.Vocabulary.Words, dictionary, GeneralWords.Shipped, GeneralWords.Share, classes, balance);
    string dir = $"{output}-{name}";
    Directory.CreateDirectory(dir);
    File.WriteAllText(Path.Combine(dir, "lights.arpa"), files.Arpa);
    File.WriteAllText(Path.Combine(dir, "lights.dict"), files.Dict!);
    File.Copy(blob, Path.Combine(dir, "lights.blob"), true);
    Console.WriteLine($"{dir}: {files.Arpa.Length:N0} bytes of ARPA; classes {string.Join(", ", files.Classes.Select(c => string.Join('/', c)))}");
}
return 0;
