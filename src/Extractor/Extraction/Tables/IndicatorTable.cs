using System.Text.RegularExpressions;
using Extractor.Extraction.Lexicon;

namespace Extractor.Extraction.Tables;

/// <summary>
/// An indicator (自评) table. Columns are found by role, not position: the name (三级指标/指标名称), the
/// groups (一级/二级指标, kept as <c>group</c>), 指标性质 (the operator) and 度量单位 in their own columns
/// or not, target, mid-year, actual, completion, weight, score, explanations. A row with a name and at
/// least two of target, actual, completion, weight and score is an indicator; the 预算执行率 row gives the
/// execution rate and its points; a total row gives the total score and weights.
/// </summary>
internal sealed class IndicatorTable(IReadOnlyDictionary<string, int> roles, IReadOnlyDictionary<string, (int Index, int Count)>? parts = null,
    IReadOnlyDictionary<string, string>? rowRoles = null) : ITableKind
{
    // "类别 | 指标值" over "年度目标值 | ≥98%" then "全年实际值 | 99.2%": the words of a column saying which part
    // the value beside them is, an indicator taking one row per part.
    private readonly IReadOnlyDictionary<string, string> _rowRoles = rowRoles ?? new Dictionary<string, string>();
    // Roles sharing one column ("指标值/实际完成值" over "≥1800件/2186件"): each role's part of the cell.
    private readonly IReadOnlyDictionary<string, (int Index, int Count)> _parts = parts ?? new Dictionary<string, (int, int)>();
    private static readonly string[] Scored = ["target", "actual", "completion", "weight", "score"];
    private IReadOnlyList<string>? _lastGroup;
    private string? _headingGroup;
    private List<string> _sections = []; // the section rows heading the rows below, outermost first
    private bool _lastWasSection;

    public ITableKind Continue() => new IndicatorTable(roles, _parts, _rowRoles) { _lastGroup = _lastGroup, _sections = [.. _sections] };

    /// <summary>An indicator table reader when the header names its columns' roles; null otherwise.</summary>
    public static IndicatorTable? For(Vocabulary v, TableView view, int headerRows)
    {
        var parts = new Dictionary<string, (int, int)>();
        var rowRoles = new Dictionary<string, string>();
        return Columns(v, view, headerRows, parts, rowRoles) is { } roles ? new IndicatorTable(roles, parts, rowRoles) : null;
    }

    /// <summary>The column of each role, by the header text; null when the table is not an indicator table.</summary>
    private static Dictionary<string, int>? Columns(Vocabulary v, TableView view, int headerRows, Dictionary<string, (int, int)> parts,
        Dictionary<string, string> rowRoles)
    {
        var matcher = v.Lexicon.Matcher("role");
        var roles = new Dictionary<string, int>();
        var groups = new List<int>();
        var repeated = new List<(string Role, int Column)>();
        // "2022年完成值 | 2023年目标值 | 2023年完成值": a column of an earlier year than the others is last year's.
        int? YearOf(int c) => Enumerable.Range(0, headerRows).Select(r => FigureTable.YearLabel.Match(view.Cell(r, c)))
            .Where(m => m.Success).Select(m => (int?)int.Parse(m.Groups[1].Value)).FirstOrDefault();
        var thisYear = Enumerable.Range(0, view.Columns).Select(YearOf).Max();
        for (var c = 0; c < view.Columns; c++)
        {
            if (YearOf(c) < thisYear) continue;
            // The lowest header row names a column most precisely ("年度指标值" above "指标性质").
            for (var r = headerRows - 1; r >= 0; r--)
            {
                var label = view.Cell(r, c);
                // A header cell spanning from the left names its first column only; one spanning down is read once.
                if (label.Length == 0 || view.SpannedFromLeft(r, c) || (r < headerRows - 1 && label == view.Cell(r + 1, c))) continue;
                // "上年实际" beside "本年实际": last year's column plays no role this year.
                if (v.Lexicon.Matcher("prior_year").Tags(label).Count > 0) break;
                if (SharedRoles(matcher, label) is { } shared)
                {
                    for (var i = 0; i < shared.Count; i++)
                        if (roles.TryAdd(shared[i], c)) parts[shared[i]] = (i, shared.Count);
                    break;
                }
                // The longest role word names the column; of equals, the last (the head of "指标权重" is 权重).
                var tag = matcher.Tags(label).OrderByDescending(t => t.Length).ThenByDescending(t => t.Start).FirstOrDefault();
                if (tag is null) continue;
                if (tag.Canonical == "group") groups.Add(c);
                else if (!roles.TryAdd(tag.Canonical, c)) repeated.Add((tag.Canonical, c));
                break;
            }
        }
        // Grouped tables without a name column name the indicator in the last group column (一级|二级|三级).
        if (!roles.ContainsKey("name") && groups.Count > 0)
        {
            // "一级指标 | 分值 | 得分" over 部门决策 | 部门过程 | …: points by group, no indicator among them.
            if (GroupCells(v, view, headerRows, groups[^1])) roles["groups_only"] = groups[^1];
            roles["name"] = groups[^1]; groups.RemoveAt(groups.Count - 1);
        }
        if (!roles.ContainsKey("name") || !Scored.Any(roles.ContainsKey)) return null;
        // "一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分": each level has its points; the indicator's are
        // those after its name.
        foreach (var (role, c) in repeated)
            if (role is "weight" or "score" && roles[role] < roles["name"] && c > roles["name"]) roles[role] = c;
        // "绩效指标 | 一级指标 | 二级指标 | 三级指标": a label spanned down the table's side names no indicator; of
        // several name columns, the one whose rows differ most does.
        int Distinct(int c) => Enumerable.Range(headerRows, view.Grid.Length - headerRows).Select(r => view.Cell(r, c)).Where(x => x.Length > 0).Distinct().Count();
        foreach (var (role, c) in repeated)
            if (role == "name" && Distinct(c) > Distinct(roles["name"])) roles["name"] = c;
        // "类别 | 绩效指标" over "产出指标 | …": a column no header names whose cells are group words holds the groups.
        for (var c = 0; c < roles["name"]; c++)
            if (!roles.ContainsValue(c) && !groups.Contains(c) && (GroupCells(v, view, headerRows, c) || SpannedTexts(view, headerRows, c))) groups.Add(c);
        groups.Sort();
        for (var i = 0; i < groups.Count; i++) roles[$"group{i}"] = groups[i];
        RowRoles(matcher, view, headerRows, roles, rowRoles);
        return roles;
    }

    // "重点履职任务 | 指标类型 | 绩效指标" over "食品安全监管" merged down its rows: text cells each heading several rows.
    private static bool SpannedTexts(TableView view, int headerRows, int c)
    {
        var rows = Enumerable.Range(headerRows, view.Grid.Length - headerRows).ToList();
        var origins = rows.Where(r => view.IsOrigin(r, c) && view.Cell(r, c).Length > 0).ToList();
        return origins.Count >= 2 && origins.Count * 2 <= rows.Count && origins.All(r => !view.IsNumber(r, c));
    }

    private static bool GroupCells(Vocabulary v, TableView view, int headerRows, int c)
    {
        var cells = Enumerable.Range(headerRows, view.Grid.Length - headerRows).Where(r => view.IsOrigin(r, c))
            .Select(r => CleanGroup(v, view.Cell(r, c))).Where(x => x.Length > 0 && TotalOf(v, x) is null).Distinct().ToList();
        var groups = cells.Count(x => v.Lexicon.Matcher("group_word").IsWhole(x, out _));
        return groups >= 2 && cells.All(x => v.Lexicon.Matcher("group_word").IsWhole(x, out _) || IsExecutionRow(v, x));
    }

    // A column no header names whose cells are each a part's name (年度目标/实际完成), two parts at least, beside
    // the column of values (the target's, or the actual's).
    private static void RowRoles(Matcher matcher, TableView view, int headerRows, Dictionary<string, int> roles, Dictionary<string, string> rowRoles)
    {
        var value = roles.TryGetValue("target", out var t) ? t : roles.GetValueOrDefault("actual", -1);
        if (value < 0) return;
        for (var c = 0; c < view.Columns; c++)
        {
            if (roles.ContainsValue(c)) continue;
            var cells = Enumerable.Range(headerRows, view.Grid.Length - headerRows).Select(r => view.Cell(r, c)).Where(x => x.Length > 0).Distinct().ToList();
            var named = new Dictionary<string, string>();
            foreach (var cell in cells)
                if (matcher.IsWhole(cell, out var tag) && tag!.Canonical is "target" or "actual" or "midyear") named[cell] = tag.Canonical;
            if (named.Values.Distinct().Count() < 2 || named.Count < cells.Count - 2) continue;
            roles["row_role"] = c;
            roles["row_value"] = value;
            foreach (var (cell, role) in named) rowRoles[cell] = role;
            return;
        }
    }

    public void Read(TableView view, int headerRows, TablePlace place, Candidates found)
    {
        var v = place.Vocabulary;
        string Cell(int r, string role) => RoleCell(view, r, role);
        for (var r = headerRows; r < view.Grid.Length; r++)
        {
            var row = view.Grid[r];
            var name = Cell(r, "name");
            // "新建园区道路里程（10分）": the points written after the name are its weight when no column holds them.
            decimal? namedWeight = null;
            if (Regex.Match(name, $@"^(?<name>.+?)\s*[(（]\s*(?<w>\d{{1,3}}(?:\.\d+)?)\s*(?:{Vocabulary.Alternation(v.Lexicon.Forms("unit", "score"))})\s*[)）]$") is { Success: true } points)
            {
                name = points.Groups["name"].Value;
                namedWeight = decimal.Parse(points.Groups["w"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            var first = row.FirstOrDefault(c => c.Length > 0) ?? "";
            var text = string.Join(" | ", row.Distinct());
            var used = new HashSet<int>();
            if (IsHeaderRepeat(v, view, r)) continue;
            // In a table of points by group, only its total and its execution row are read.
            if (roles.ContainsKey("groups_only") && (TotalOf(v, first) ?? TotalOf(v, name)) is null && !IsExecutionRow(v, name) && !IsExecutionRow(v, first))
                continue;
            // A row under the first of its indicator's rows was read with it.
            if (roles.ContainsKey("row_role") && !view.IsOrigin(r, roles["name"])) continue;
            // A row that is one cell across the table ("履职效能") heads the rows below it, in a table without group columns;
            // in one with group columns when it names a group ("二、产出指标（45分）" over 二级|三级指标 columns).
            if (!view.HasNumber(r) && row.Where(c => c.Length > 0).Distinct().Count() == 1 && row.Count(c => c.Length > 0) > 1
                && (!roles.Keys.Any(k => k.StartsWith("group", StringComparison.Ordinal)) || v.Lexicon.Matcher("group_word").IsWhole(CleanGroup(v, first), out _)
                    // or when numbered or given points as a group is ("二、履职产出（50分）")
                    || CleanGroup(v, first) != first)
                && TotalOf(v, first) is null)
            {
                Heads(v, first);
                continue;
            }
            if ((TotalOf(v, first) ?? TotalOf(v, name) ?? TotalOf(v, CleanGroup(v, first))) is { } total)
            {
                if (total == "subtotal") continue;
                // "合计（100分）": the points written after the total word are the weights' total.
                if (CleanGroup(v, first) != first && Values.ReadCell(first[CleanGroup(v, first).Length..].Trim('(', ')', '（', '）', ' '), v) is { } all
                    && v.IsScoreOrBare(all.Unit) && !roles.ContainsKey("weight"))
                    found.Figures.Add(place.Figure(view, r, Array.IndexOf(row, first), Keys.WeightTotal, all.Value, v.ScoreUnit, text, all.Decimals));
                AddScore(found, place, view, r, Keys.TotalScore, text, used, roles.GetValueOrDefault("score", -1));
                AddScore(found, place, view, r, Keys.WeightTotal, text, used, roles.GetValueOrDefault("weight", -1));
                Unread(view, r, place, found, used);
                continue;
            }
            if (IsExecutionRow(v, name) || (IsExecutionRow(v, first) && (name.Length == 0 || name == first)))
            {
                // "执行率97.77%，得9.78分" in one cell: the rate and the points told in words.
                var read = Values.ReadCell(Cell(r, "actual"), v);
                var told = read is null && Cell(r, "actual").Length > 0 ? Told(v, Cell(r, "actual")) : default;
                if ((read ?? told.Actual) is { Unit: "%" } rate)
                {
                    var (at, column) = Source(view, r, "actual")!.Value;
                    found.Figures.Add(place.Figure(view, at, column, Keys.ExecutionRate, rate.Value, "%", text, rate.Decimals));
                    if (at == r) used.Add(column);
                    if (told.Score is { } scored && !roles.ContainsKey("score"))
                        found.Figures.Add(place.Figure(view, at, column, Keys.ExecutionScore, scored.Value, v.ScoreUnit, text, scored.Decimals));
                }
                AddScore(found, place, view, r, Keys.ExecutionWeight, text, used, roles.GetValueOrDefault("weight", -1));
                if (!roles.ContainsKey("weight") && namedWeight is { } w)
                    found.Figures.Add(place.Figure(view, r, roles["name"], Keys.ExecutionWeight, w, v.ScoreUnit, text, 0));
                AddScore(found, place, view, r, Keys.ExecutionScore, text, used, roles.GetValueOrDefault("score", -1));
                Unread(view, r, place, found, used);
                continue;
            }
            var group = roles.Keys.Where(k => k.StartsWith("group", StringComparison.Ordinal)).Order().Select(k => CleanGroup(v, view.Cell(r, roles[k]))).ToList();
            group.InsertRange(0, _sections.Where(g => !group.Contains(g)));
            // A table under a heading naming a group ("（一）产出指标") holds that group's indicators.
            _headingGroup ??= HeadingGroup(place) ?? "";
            if (_headingGroup.Length > 0 && !group.Contains(_headingGroup)) group.Insert(0, _headingGroup);
            // A group cell cut by a page break is empty on the new page: the group goes on.
            for (var i = 0; i < group.Count && _lastGroup is not null && i < _lastGroup.Count; i++)
                if (group[i].Length == 0) group[i] = _lastGroup[i];
            // "1 | 产出指标 | < | <…": a row naming only a group heads the rows below it.
            if (name.Length > 0 && !view.HasNumber(r) && group.Contains(name) && v.Lexicon.Matcher("group_word").IsWhole(name, out _))
            {
                Heads(v, name);
                continue;
            }
            _lastWasSection = false;
            // A row named by a group word ("产出指标 | 50 | 48.5") totals its group: no indicator.
            if (name.Length == 0 || (group.Count > 0 && group.Contains(name)) || v.Lexicon.Matcher("role").IsWhole(name, out _)
                || v.Lexicon.Matcher("group_word").IsWhole(CleanGroup(v, name), out _))
            {
                Unread(view, r, place, found, used);
                continue;
            }
            // "指标1：国家基本水文站运行维护数量": the cell's own number is the label.
            string? label = null;
            if (v.ItemStart.Match(name) is { Success: true, Index: 0 } marker && marker.Length < name.Length)
            {
                label = name[..marker.Length].TrimEnd(':', '：', '.', '、', ' ');
                name = name[marker.Length..].TrimStart(':', '：', '.', '、', ' ');
            }
            var indicator = ReadRow(v, view, r, name, text, group, place.Block, namedWeight);
            if (indicator is not null && label is not null && indicator.Label is null) indicator = indicator with { Label = label };
            if (indicator is null) { Unread(view, r, place, found, used); continue; }
            _lastGroup = group.Count > 0 ? group : null;
            found.Indicators.Add((place.Offset, indicator));
        }
    }

    private Indicator? ReadRow(Vocabulary v, TableView view, int r, string name, string text, List<string> group, int block, decimal? namedWeight = null)
    {
        string Cell(string role) => RoleCell(view, r, role);
        var unitColumn = NonEmpty(v, Cell("unit"));
        var target = Values.ReadCell(Cell("target"), v);
        var actual = Values.ReadCell(Cell("actual"), v);
        var midyear = Values.ReadCell(Cell("midyear"), v);
        var completion = Values.ReadCell(Cell("completion"), v);
        var weight = Values.ReadCell(Cell("weight"), v);
        var score = Values.ReadCell(Cell("score"), v);
        if (actual is null && Cell("actual").Length > 0 && Told(v, Cell("actual")) is { Score: not null } told)
        {
            actual = told.Actual;
            completion ??= told.Completion;
            score ??= told.Score;
        }
        if (weight is not null && !v.IsScoreOrBare(weight.Unit)) weight = null;
        if (weight is null && namedWeight is { } w) weight = new CellQuantity("=", false, w, v.ScoreUnit, 0);
        if (score is not null && !v.IsScoreOrBare(score.Unit)) score = null;
        var stated = new object?[] { target, actual, completion, weight, score }.Count(x => x is not null);
        if (stated < 2) return null;

        // The operator: its own column when the table has one (≥/≤, 正向/反向), else the target cell's.
        // An 指标性质 cell no lexicon word names, or one saying 定性, leaves the direction unknown.
        var op = target?.Op ?? "=";
        var uncertain = false;
        if (roles.ContainsKey("op") && target is not null && !target.OpWritten)
        {
            var entry = v.Operator(Cell("op"));
            if (entry is null || entry.Canonical == "qualitative") uncertain = true;
            else if (entry.Canonical != "unstated") op = entry.Canonical;
        }
        string? Unit(CellQuantity q) => q.Unit ?? unitColumn;
        return new Indicator(0, name,
            target is null ? null : new Target(op, target.Value, Unit(target)),
            midyear is null ? null : new Quantity(midyear.Value, Unit(midyear)),
            actual is null ? null : new Quantity(actual.Value, Unit(actual)),
            completion?.Value, weight?.Value, score?.Value,
            NonEmpty(v, Cell("deviation")), NonEmpty(v, Cell("improvement")), view.PageOf(r), text)
        {
            Boxes = new[] { ("target", target), ("midyear", midyear), ("actual", actual), ("completion", completion), ("weight", weight), ("score", score) }
                .Select(p => (p.Item1, p.Item2, At: Source(view, r, p.Item1)))
                .Where(p => p.Item2 is not null && p.At is { } at && view.BoxOf(at.Row, at.Column) is not null)
                .ToDictionary(p => p.Item1, p => new Place(view.PageOf(p.At!.Value.Row), view.BoxOf(p.At!.Value.Row, p.At!.Value.Column)!)),
            Confidence = new[] { ("target", target), ("midyear", midyear), ("actual", actual), ("completion", completion), ("weight", weight), ("score", score) }
                .Select(p => (p.Item1, p.Item2, At: Source(view, r, p.Item1)))
                .Where(p => p.Item2 is not null && p.At is { } at && view.ConfidenceOf(at.Row, at.Column) is not null)
                .ToDictionary(p => p.Item1, p => view.ConfidenceOf(p.At!.Value.Row, p.At!.Value.Column)!.Value),
            Paragraph = block,
            Label = NonEmpty(v, Cell("seq")),
            Group = group.Any(g => g.Length > 0) ? group.Where(g => g.Length > 0).ToList() : null,
            OpUncertain = uncertain,
        };
    }

    // "全年门急诊54.36万人次，完成104.54%，得8分": a cell telling the result in words, with its points. The first amount
    // is the actual, a percent after it the completion, points after a score word the score.
    private static readonly Regex ToldQuantity = new($@"{Values.Number}[^\d]{{0,6}}$", RegexOptions.CultureInvariant);

    private static (CellQuantity? Actual, CellQuantity? Completion, CellQuantity? Score) Told(Vocabulary v, string cell)
    {
        CellQuantity? actual = null, completion = null, score = null;
        foreach (var piece in FlowText.Normalize(cell).Split(Clauses.Marks))
        {
            if (ToldQuantity.Match(piece) is not { Success: true } m || Values.ReadCell(m.Value, v) is not { } q) continue;
            var role = v.IndicatorLabels.Tags(piece[..m.Index]).Where(t => t.Facet == "role").MaxBy(t => t.End)?.Canonical;
            if (role == "score" && v.IsScoreOrBare(q.Unit)) score ??= q;
            else if (role == "completion" || actual is not null && role is null && q.Unit == "%") completion ??= q;
            else if (role is null or "actual" && actual is null && !v.IsScoreOrBare(q.Unit)) actual = q;
        }
        return (actual, completion, score);
    }

    // "指标值/实际完成值": a header of two or more role names joined by a slash, each a whole role word.
    private static List<string>? SharedRoles(Matcher matcher, string label)
    {
        var names = label.Split(Separators);
        if (names.Length < 2) return null;
        var found = new List<string>();
        foreach (var n in names)
        {
            if (!matcher.IsWhole(n.Trim(), out var tag) || tag!.Canonical is "group" or "name") return null;
            found.Add(tag.Canonical);
        }
        return found.Distinct().Count() == found.Count ? found : null;
    }

    private static readonly char[] Separators = ['/', '／'];

    // The text of a role's cell in row r: the whole cell, or its part when roles share the column.
    private string RoleCell(TableView view, int r, string role)
    {
        if (Source(view, r, role) is not { } at) return "";
        var (k, c) = at;
        var cell = view.Cell(k, c);
        if (roles.ContainsKey("row_role") && k != r) return cell;
        if (!_parts.TryGetValue(role, out var part)) return cell;
        var pieces = cell.Split(Separators);
        return pieces.Length == part.Count ? pieces[part.Index].Trim() : "";
    }

    // The cell holding a role's value for the indicator of row r: its column in that row, or with parts in rows
    // of their own, the value column in the row that names the part.
    private (int Row, int Column)? Source(TableView view, int r, string role)
    {
        if (role is "target" or "actual" or "midyear" && roles.TryGetValue("row_role", out var said))
        {
            // The indicator's rows: its first, and those below whose name cell is merged into it.
            for (var k = r; k < view.Grid.Length && (k == r || !view.IsOrigin(k, roles["name"])); k++)
                if (_rowRoles.GetValueOrDefault(view.Cell(k, said)) == role) return (k, roles["row_value"]);
            return null;
        }
        return roles.TryGetValue(role, out var c) ? (r, c) : null;
    }

    // The group word a heading before the table names, when the heading is nothing else ("（一）产出指标").
    private static string? HeadingGroup(TablePlace place)
    {
        var flow = place.Context.Flow;
        var v = place.Vocabulary;
        var heading = flow.Paragraphs.Where(p => p.Heading && p.Start < place.Offset).Select(p => (int?)p.Start).LastOrDefault();
        if (heading is null) return null;
        var text = flow.LineAt(heading.Value).Trim();
        if (v.HeadingStart.Match(text) is { Success: true, Index: 0 } marker) text = text[marker.Length..].Trim();
        text = CleanGroup(v, text);
        return v.Lexicon.Matcher("group_word").IsWhole(text, out _) ? text : null;
    }

    private static string? TotalOf(Vocabulary v, string cell) => TableReader.TotalOf(v, cell);

    private static bool IsExecutionRow(Vocabulary v, string cell)
    {
        if (cell.Length == 0) return false;
        var m = v.Lexicon.Pattern("execution_row", prefix: "^(?:", suffix: @")(?:\(%\))?$").Match(cell);
        return m.Success;
    }

    // A header row repeated on a later page: two or more cells that are role names (a total row's 总分 is not).
    private static bool IsHeaderRepeat(Vocabulary v, TableView view, int r) =>
        view.Grid[r].Where(c => c.Length > 0).Distinct()
            .Count(c => v.Lexicon.Matcher("role").IsWhole(c, out var t) && t!.Canonical != "total_score") >= 2;

    private static string? NonEmpty(Vocabulary v, string s) =>
        s.Length == 0 || v.Lexicon.Forms("empty").Contains(s) ? null : s;

    // "一、产出指标" then "（一）数量指标" right below it: a section row under another is its sub-group; after
    // indicator rows, a top-level one (一、, or a top group word) starts anew and another replaces the innermost.
    private void Heads(Vocabulary v, string cell)
    {
        var group = CleanGroup(v, cell);
        var top = v.TopHeadingStart.IsMatch(FlowText.Normalize(cell)) || v.Lexicon.Pattern("group_word", "top", "^(?:", ")$").IsMatch(group);
        if (_lastWasSection && _sections.Count > 0 && !top) _sections.Add(group);
        else if (top || _sections.Count <= 1) _sections = [group];
        else _sections[^1] = group;
        _lastWasSection = true;
    }

    // "产出指标(50分)" → "产出指标", "一、残疾人康复救助" → "残疾人康复救助": a group's points and its
    // outline number are not its name.
    private static string CleanGroup(Vocabulary v, string cell)
    {
        var score = Vocabulary.Alternation(v.Lexicon.Forms("unit", "score"));
        cell = Regex.Replace(cell, $@"[(（]\s*\d+(?:\.\d+)?\s*(?:{score})?\s*[)）]$", "").Trim();
        // The marker is found in the normalised cell; its length holds in the cell only when normalising kept it.
        var normal = FlowText.Normalize(cell);
        var marker = v.HeadingStart.Match(normal);
        return marker.Success && marker.Length < cell.Length && normal.Length == cell.Length ? cell[marker.Length..].Trim() : cell;
    }

    private static void AddScore(Candidates found, TablePlace place, TableView view, int r, string key, string text, HashSet<int> used, int column)
    {
        var v = place.Vocabulary;
        if (column < 0 || Values.ReadCell(view.Cell(r, column), v) is not { } q || !v.IsScoreOrBare(q.Unit)) return;
        found.Figures.Add(place.Figure(view, r, column, key, q.Value, v.ScoreUnit, text, q.Decimals));
        used.Add(column);
    }

    // Scores, weights and percents of a row that no indicator took.
    private void Unread(TableView view, int r, TablePlace place, Candidates found, HashSet<int> used)
    {
        foreach (var (role, c) in roles)
        {
            if (used.Contains(c) || role is not ("weight" or "score" or "completion" or "actual" or "target")) continue;
            if (Values.ReadCell(view.Cell(r, c), place.Vocabulary) is not { } q) continue;
            var unit = role is "weight" or "score" ? place.Vocabulary.ScoreUnit : q.Unit;
            if (unit is null || place.Vocabulary.UnitKind(unit) is not ("score" or "percent" or "money")) continue;
            found.UnreadInTables.Add(new UnreadValue(q.Value, unit, TablePlace.Text(view.RowLabel(r, 1), view.ColumnLabel(c, 1), view.Cell(r, c)), view.PageOf(r), place.Offset, place.Section));
        }
    }
}
