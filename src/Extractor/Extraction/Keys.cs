namespace Extractor.Extraction;

public enum KeyKind { Money, Percent, Count, Score, Word }

/// <summary>A contract figure key: its stable name, what kind of value it holds, and how people read it.</summary>
public sealed record FigureKey(string Name, KeyKind Kind, string Label);

/// <summary>
/// The contract's figure keys (shared/contract/report-json.md). The names are stable; the catalogue —
/// kinds, Chinese labels, and which (subject, measure, section) a figure must name to be each key —
/// is the <c>key</c> facet of the lexicon (Lexicon/keys.tsv), used by extractor, validator, store and gold.
/// </summary>
public static class Keys
{
    public const string BudgetInitial = "budget.initial";
    public const string InitialBasic = "budget.initial.basic";
    public const string InitialProject = "budget.initial.project";
    public const string InitialSuperior = "budget.initial.superior";
    public const string InitialLocal = "budget.initial.local";
    public const string InitialOther = "budget.initial.other";
    public const string Adjustment = "budget.adjustment";
    public const string Adjusted = "budget.adjusted";
    public const string AdjustmentRate = "budget.adjustment_rate";
    public const string Actual = "budget.actual";
    public const string ExecutionRate = "budget.execution_rate";
    public const string ExpenditureBasic = "expenditure.basic";
    public const string ExpenditureProject = "expenditure.project";
    public const string BasicBudget = "basic.budget";
    public const string BasicPersonnel = "basic.personnel";
    public const string BasicPublic = "basic.public";
    public const string BasicActual = "basic.actual";
    public const string BasicExecutionRate = "basic.execution_rate";
    public const string BasicShare = "basic.share";
    public const string ProjectCount = "project.count";
    public const string ProjectBudget = "project.budget";
    public const string ProjectActual = "project.actual";
    public const string ProjectExecutionRate = "project.execution_rate";
    public const string ProjectShare = "project.share";
    public const string ProcurementBudget = "procurement.budget";
    public const string ProcurementActual = "procurement.actual";
    public const string ProcurementRate = "procurement.execution_rate";
    public const string AssetsOriginal = "assets.original";
    public const string AssetsDepreciation = "assets.depreciation";
    public const string AssetsNet = "assets.net";
    public const string StaffAuthorized = "staff.authorized";
    public const string StaffActual = "staff.actual";
    public const string ExecutionScore = "score.execution";
    public const string ExecutionWeight = "score.execution_weight";
    public const string TotalScore = "score.total";
    public const string WeightTotal = "weight.total";
    public const string Grade = "grade";

    private static readonly Lazy<IReadOnlyList<FigureKey>> Catalogue = new(() => Load(Lexicon.Lexicon.Default));

    /// <summary>Every key, in the order of the catalogue (the contract's order).</summary>
    public static IReadOnlyList<FigureKey> All => Catalogue.Value;

    public static FigureKey? Find(string name) => All.FirstOrDefault(k => k.Name == name);

    /// <summary>The Chinese label of a key, or the key itself when it is not in the catalogue.</summary>
    public static string Label(string name) => Find(name)?.Label ?? name;

    public static KeyKind KindOf(string name) => Find(name)?.Kind ?? KeyKind.Money;

    internal static IReadOnlyList<FigureKey> Load(Lexicon.Lexicon lexicon) =>
        lexicon.Facet("key").Select(e => new FigureKey(e.Canonical,
            Enum.TryParse<KeyKind>(e.Attribute("kind"), true, out var k) ? k : throw new Lexicon.LexiconException($"{e.Origin}: key {e.Canonical} has no valid kind"),
            e.Attribute("label") ?? e.Canonical)).ToList();
}

/// <summary>(subject, measure[, section]) → key, from the key rows of a lexicon.</summary>
public sealed class KeyMap
{
    private readonly Dictionary<(string Subject, string Measure, string Section), string> _map = [];

    public KeyMap(Lexicon.Lexicon lexicon)
    {
        foreach (var e in lexicon.Facet("key"))
            foreach (var form in e.Forms.Where(f => f != "-"))
            {
                var at = form.Split('@');
                var sm = at[0].Split('+');
                if (sm.Length != 2) throw new Lexicon.LexiconException($"{e.Origin}: \"{form}\" is not subject+measure[@section]");
                _map[(sm[0], sm[1], at.Length > 1 ? at[1] : "")] = e.Canonical;
            }
    }

    /// <summary>The key a figure naming this subject and measure is, within a section; null when none.</summary>
    public string? Key(string subject, string measure, string? section) =>
        Find(subject, measure, section ?? "") ?? Find(subject, measure, "") ?? Find("*", measure, section ?? "") ?? Find("*", measure, "");

    private string? Find(string s, string m, string section) => _map.TryGetValue((s, m, section), out var k) ? k : null;
}
