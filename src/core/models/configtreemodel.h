#pragma once

#include "domain/job.h"

#include <QAbstractItemModel>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace bw {

// The Configuration tab (PRODUCT.md §2): a (key, value) tree of a job's inputDataConfig and
// outputDataConfig in the API's own nesting:
//   inputDataConfig
//     s3InputDataConfig
//       s3Uri, s3InputFormat, s3BucketOwner        (only the ones present)
//   outputDataConfig
//     s3OutputDataConfig
//       s3Uri, s3EncryptionKeyId, s3BucketOwner
// Keys are the API's field names (untranslated). A config the job does not carry is a
// top-level row without children and NotReportedRole true; the GUI words it.
//
// setJob() updates the tree in place: rows that appear are inserted, rows that disappear are
// removed and changed values are announced with dataChanged on the value cell (NotReportedRole
// on both cells of its row). No reset, so expanded branches survive a refresh or a job switch.
class ConfigTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, ValueColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1, // Value column of leaves: QString, the value verbatim
        IsS3UriRole,     // Value column of leaves: bool, the value starts with "s3://"
        NotReportedRole, // both columns: bool, a config the gateway never reported
        FieldPathRole,   // both columns: "inputDataConfig.s3InputDataConfig.s3Uri"
    };
    Q_ENUM(Role)

    explicit ConfigTreeModel(QObject *parent = nullptr);
    ~ConfigTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void setJob(const Job &job);
    void clear(); // no job: no rows

    // The index of a field path ("outputDataConfig.s3OutputDataConfig.s3Uri"), column 0;
    // invalid when that row does not exist.
    QModelIndex indexOfPath(const QString &path) const;

private:
    struct Node;
    struct Spec;

    static QList<Spec> specFor(const Job &job);
    void syncChildren(Node *node, const QModelIndex &nodeIndex, const QList<Spec> &specs);
    void updateNode(Node *node, const QModelIndex &nodeIndex, const Spec &spec);
    std::unique_ptr<Node> build(const Spec &spec, Node *parent) const;
    Node *nodeOf(const QModelIndex &index) const;
    int rowOfNode(const Node *node) const;

    std::unique_ptr<Node> m_root;
};

} // namespace bw
