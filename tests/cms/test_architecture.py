"""The house rules of the import graph, read from the source (no Django needed).

Imports flow one way (cms → apps; reports → courses → schools); a module never imports
itself back through others; a function-local import is where such a cycle usually hides, so the
apps listed here have none; models never import views. Modules stay under 400 lines.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ("cms", "courses", "curriculum", "ops", "reports", "schools")
CHECKED = PROJECT
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    modules = {}
    for package in PROJECT:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[_module_name(path)] = path
    return modules


MODULES = _sources()


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _targets(module: str, path: Path, node) -> list[str]:
    """Project modules an import statement loads (a name may itself be a submodule)."""
    found = []
    if isinstance(node, ast.Import):
        found = [alias.name for alias in node.names]
    else:
        base = _resolve(module, path, node)
        for alias in node.names:
            candidate = f"{base}.{alias.name}"
            found.append(candidate if candidate in MODULES else base)
    return [name for name in found if name in MODULES]


def _is_type_checking(node) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(module: str, path: Path):
    """(target module, is the import inside a function) for every project import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))

    def walk(node, in_function):
        for child in ast.iter_child_nodes(node):
            if _is_type_checking(child):
                continue
            if isinstance(child, ast.Import | ast.ImportFrom):
                for target in _targets(module, path, child):
                    yield target, in_function, child.lineno
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            yield from walk(child, nested)

    yield from walk(tree, False)


GRAPH = {module: list(_imports(module, path)) for module, path in MODULES.items()}


def _checked(module: str) -> bool:
    return module.split(".")[0] in CHECKED


def test_the_graph_sees_the_project():
    assert "courses.models.pages" in MODULES
    edges = {target for target, _local, _line in GRAPH["courses.views"]}
    assert "courses.services" in edges


def test_no_function_local_imports_of_project_modules():
    local = [
        f"{module}:{line} imports {target}"
        for module, edges in GRAPH.items()
        if _checked(module)
        for target, inside, line in edges
        if inside
        # AppConfig.ready() is where Django wants signal handlers connected
        and not module.endswith(".apps")
    ]
    assert local == []


def _cycles() -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target, _local, _line in GRAPH.get(node, []):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycles():
    cycles = [c for c in _cycles() if any(_checked(m) for m in c)]
    assert cycles == []


def test_apps_import_in_one_direction():
    allowed = {
        "ops": {"ops"},
        "schools": {"schools", "ops"},
        "curriculum": {"curriculum", "cms", "ops"},
        "courses": {"courses", "schools", "cms", "ops"},
        "reports": {"reports", "courses", "schools", "cms", "ops"},
    }
    wrong = [
        f"{module} imports {target}"
        for module, edges in GRAPH.items()
        for target, _local, _line in edges
        if module.split(".")[0] in allowed
        and _checked(module)
        and target.split(".")[0] not in allowed[module.split(".")[0]]
        # load_demo lives in cms but each app's demo content is its own
        and ".demo" not in module
    ]
    assert wrong == []


@pytest.mark.parametrize("layer", ["models", "selectors", "services", "progress", "access"])
def test_lower_layers_never_import_views(layer):
    wrong = [
        f"{module} imports {target}"
        for module, edges in GRAPH.items()
        if _checked(module) and layer in module.split(".")
        for target, _local, _line in edges
        if "views" in target.split(".")
    ]
    assert wrong == []


def test_only_schools_scoping_reads_group_names():
    """Role questions go through schools.scoping (creating groups in migrations and assigning
    them in demo or seed data is not asking one)."""
    asking = ("groups__name", "groups.filter(", "group_names(")
    wrong = [
        module
        for module, path in MODULES.items()
        if _checked(module)
        and module != "schools.scoping"
        and any(question in path.read_text(encoding="utf-8") for question in asking)
    ]
    assert wrong == []


def test_modules_stay_small():
    long = [
        f"{module} ({lines} lines)"
        for module, path in MODULES.items()
        if _checked(module)
        and "demo" not in module.split(".")
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert long == []
