#include "models/configtreemodel.h"

#include <vector>

namespace bw {

struct ConfigTreeModel::Spec
{
    QString key;
    std::optional<QString> value; // leaves only
    bool notReported = false;
    QList<Spec> children;
};

struct ConfigTreeModel::Node
{
    QString key;
    QString path;
    std::optional<QString> value;
    bool notReported = false;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
};

ConfigTreeModel::ConfigTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{}

ConfigTreeModel::~ConfigTreeModel() = default;

QList<ConfigTreeModel::Spec> ConfigTreeModel::specFor(const Job &job)
{
    const auto leaf = [](QList<Spec> &out, const char *key, const std::optional<QString> &v) {
        if (v)
            out.append(Spec{QString::fromLatin1(key), v, false, {}});
    };

    Spec input{QStringLiteral("inputDataConfig"), std::nullopt, !job.inputDataConfig, {}};
    if (job.inputDataConfig) {
        Spec s3{QStringLiteral("s3InputDataConfig"), std::nullopt, false, {}};
        leaf(s3.children, "s3Uri", job.inputDataConfig->s3Uri);
        leaf(s3.children, "s3InputFormat", job.inputDataConfig->s3InputFormat);
        leaf(s3.children, "s3BucketOwner", job.inputDataConfig->s3BucketOwner);
        input.children.append(s3);
    }

    Spec output{QStringLiteral("outputDataConfig"), std::nullopt, !job.outputDataConfig, {}};
    if (job.outputDataConfig) {
        Spec s3{QStringLiteral("s3OutputDataConfig"), std::nullopt, false, {}};
        leaf(s3.children, "s3Uri", job.outputDataConfig->s3Uri);
        leaf(s3.children, "s3EncryptionKeyId", job.outputDataConfig->s3EncryptionKeyId);
        leaf(s3.children, "s3BucketOwner", job.outputDataConfig->s3BucketOwner);
        output.children.append(s3);
    }
    return {input, output};
}

ConfigTreeModel::Node *ConfigTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

int ConfigTreeModel::rowOfNode(const Node *node) const
{
    if (!node || !node->parent)
        return -1;
    const auto &siblings = node->parent->children;
    for (size_t i = 0; i < siblings.size(); ++i) {
        if (siblings[i].get() == node)
            return int(i);
    }
    return -1;
}

QModelIndex ConfigTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const Node *p = nodeOf(parent);
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex ConfigTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = nodeOf(child);
    Node *p = node->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(rowOfNode(p), 0, p);
}

int ConfigTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int ConfigTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags ConfigTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeOf(index)->value) // leaves stay leaves; a config row may gain children later
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant ConfigTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    if (section == KeyColumn)
        //: Column header: the name of a field in the job's JSON configuration
        return tr("Key");
    if (section == ValueColumn)
        return tr("Value");
    return {};
}

QVariant ConfigTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case NotReportedRole:
        return node->notReported;
    case FieldPathRole:
        return node->path;
    default:
        break;
    }
    if (index.column() == KeyColumn) {
        if (role == Qt::DisplayRole)
            return node->key;
        if (role == Qt::ToolTipRole)
            return node->path;
        return {};
    }
    if (!node->value)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case RawValueRole:
        return *node->value;
    case IsS3UriRole:
        return node->value->startsWith(QLatin1StringView("s3://"), Qt::CaseInsensitive);
    default:
        return {};
    }
}

std::unique_ptr<ConfigTreeModel::Node> ConfigTreeModel::build(const Spec &spec, Node *parent) const
{
    auto node = std::make_unique<Node>();
    node->key = spec.key;
    node->path
            = parent && parent != m_root.get() ? QString(parent->path + u'.' + spec.key) : spec.key;
    node->value = spec.value;
    node->notReported = spec.notReported;
    node->parent = parent;
    for (const Spec &child : spec.children)
        node->children.push_back(build(child, node.get()));
    return node;
}

void ConfigTreeModel::updateNode(Node *node, const QModelIndex &nodeIndex, const Spec &spec)
{
    const int row = nodeIndex.row();
    const QModelIndex parentIndex = nodeIndex.parent();
    if (node->notReported != spec.notReported) {
        node->notReported = spec.notReported;
        Q_EMIT dataChanged(index(row, KeyColumn, parentIndex), index(row, ValueColumn, parentIndex),
                           {NotReportedRole});
    }
    if (node->value != spec.value) {
        node->value = spec.value;
        const QModelIndex cell = index(row, ValueColumn, parentIndex);
        Q_EMIT dataChanged(cell, cell,
                           {Qt::DisplayRole, Qt::ToolTipRole, RawValueRole, IsS3UriRole});
    }
    syncChildren(node, nodeIndex, spec.children);
}

void ConfigTreeModel::syncChildren(Node *node, const QModelIndex &nodeIndex,
                                   const QList<Spec> &specs)
{
    // Children follow a fixed canonical order on both sides, so one merge walk suffices.
    const auto wanted = [&specs](const QString &key) {
        for (const Spec &s : specs) {
            if (s.key == key)
                return true;
        }
        return false;
    };
    auto &children = node->children;
    size_t i = 0;
    for (const Spec &spec : specs) {
        size_t gone = i;
        while (gone < children.size() && children[gone]->key != spec.key
               && !wanted(children[gone]->key))
            ++gone;
        if (gone > i) {
            beginRemoveRows(nodeIndex, int(i), int(gone) - 1);
            children.erase(children.begin() + qsizetype(i), children.begin() + qsizetype(gone));
            endRemoveRows();
        }
        if (i < children.size() && children[i]->key == spec.key) {
            Node *child = children[i].get();
            updateNode(child, index(int(i), 0, nodeIndex), spec);
        } else {
            beginInsertRows(nodeIndex, int(i), int(i));
            children.insert(children.begin() + qsizetype(i), build(spec, node));
            endInsertRows();
        }
        ++i;
    }
    if (i < children.size()) {
        beginRemoveRows(nodeIndex, int(i), int(children.size()) - 1);
        children.erase(children.begin() + qsizetype(i), children.end());
        endRemoveRows();
    }
}

void ConfigTreeModel::setJob(const Job &job)
{
    syncChildren(m_root.get(), {}, specFor(job));
}

void ConfigTreeModel::clear()
{
    syncChildren(m_root.get(), {}, {});
}

QModelIndex ConfigTreeModel::indexOfPath(const QString &path) const
{
    QModelIndex current;
    const Node *node = m_root.get();
    for (const QString &key : path.split(u'.')) {
        const Node *next = nullptr;
        int row = 0;
        for (size_t i = 0; i < node->children.size(); ++i) {
            if (node->children[i]->key == key) {
                next = node->children[i].get();
                row = int(i);
                break;
            }
        }
        if (!next)
            return {};
        current = index(row, 0, current);
        node = next;
    }
    return current;
}

} // namespace bw
