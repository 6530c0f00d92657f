using Saffu.Training.Grammar;
using Saffu.Training.Home;
using Saffu.Training.Tests.Home;

namespace Saffu.Training.Tests.Grammar;

[TestClass]
public sealed class GrammarMatcherTests
{
    static readonly Lazy<HomeDescription> home = new(() => HomeDescription.Load(RepoFiles.Path("models/lights/home.yaml")));

    [TestMethod]
    [DataRow("Please turn on the reading lamp, thanks!", "[{ask}] {turn_on} {the} {name} [{end}]")]
    [DataRow("set the desk lamp to 45%", "[{ask}] set {the} {name} to {brightness} [{percent}] [{end}]")]
    [DataRow("set the desk lamp to forty five percent", "[{ask}] set {the} {name} to {brightness} [{percent}] [{end}]")]
    [DataRow("dim the lights in the lounge a notch", "[{ask}] {dim} the {lights} in the {area} [{a_bit}] [{end}]")]
    public void SentencesAreMatchedByTheirTemplate(string text, string template)
    {
        var matcher = new GrammarMatcher(CommandGrammar.Shipped, home.Value);
        Assert.Contains(template, matcher.TemplatesSaying(text).Select(t => t.Text).ToList(), text);
    }

    [TestMethod]
    public void EveryGeneratedSentenceIsMatchedByItsOwnTemplate()
    {
        var matcher = new GrammarMatcher(CommandGrammar.Shipped, home.Value);
        var corpus = LightsCorpus.Build(home.Value, new LightsCorpusOptions { SentencesPerIntent = 200, NoneTemplateSentences = 100 });
        foreach (LabelledSentence s in corpus.Train.Concat(corpus.Valid).Where(s => s.Source.Path == CommandGrammar.ShippedPath))
            Assert.Contains(s.Source.Line, matcher.TemplatesSaying(s.Text).Select(t => t.Line).ToList(), s.Text);
    }

    [TestMethod]
    public void NoNotLightsSentenceIsSaidByACommandTemplate()
    {
        var matcher = new GrammarMatcher(CommandGrammar.Shipped, home.Value);
        foreach (var (text, line) in NotLightsList.Shipped.Sentences)
        {
            var commands = matcher.TemplatesSaying(text).Where(t => t.Intent != LightIntents.None).ToList();   // other devices' templates too: a line both say is a conflict
            Assert.IsEmpty(commands, $"not-lights.txt:{line} \"{text}\" is said by grammar line {commands.FirstOrDefault()?.Line}");
        }
    }

    [TestMethod]
    [DataRow("kindly illuminate the floor lamp")]
    [DataRow("the desk lamp ought to be glowing")]
    [DataRow("set the desk lamp to 450 percent")]
    public void OtherPhrasingsAreNotMatched(string text) =>
        Assert.IsEmpty(new GrammarMatcher(CommandGrammar.Shipped, home.Value).TemplatesSaying(text));
}
