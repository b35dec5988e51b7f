package dynamo

import (
	"fmt"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	streamtypes "github.com/aws/aws-sdk-go-v2/service/dynamodbstreams/types"

	"github.com/licensorhq/licensor/internal/store"
)

// ChangeFromStreamRecord converts a record of the table's stream, as GetRecords returns it, to
// a change. It leaves Position empty: where a reader stands is the reader's to say. Callers
// keep only the changes of streamed types (store.Options.IsStreamed of the change's Type); a
// record of an item written by anything but this engine may fail to convert.
func ChangeFromStreamRecord(rec streamtypes.Record) (store.Change, error) {
	r := rec.Dynamodb
	if r == nil {
		return store.Change{}, fmt.Errorf("stream record %s has no data", aws.ToString(rec.EventID))
	}
	var images [2]map[string]types.AttributeValue
	for i, img := range []map[string]streamtypes.AttributeValue{r.OldImage, r.NewImage} {
		m, err := attributevalue.FromDynamoDBStreamsMap(img)
		if err != nil {
			return store.Change{}, fmt.Errorf("stream record %s: %w", aws.ToString(rec.EventID), err)
		}
		images[i] = m
	}
	at := aws.ToTime(r.ApproximateCreationDateTime).UTC()
	ch, err := changeFromImages(images[0], images[1], at)
	if err != nil {
		return store.Change{}, fmt.Errorf("stream record %s: %w", aws.ToString(rec.EventID), err)
	}
	return ch, nil
}

// ChangeFromEventRecord converts a record of a DynamoDB stream event, as Lambda delivers it, to
// a change. Position is the record's sequence number, which orders the changes of one item;
// Lambda itself keeps the stream's position. Callers keep only the changes of streamed types.
func ChangeFromEventRecord(rec events.DynamoDBEventRecord) (store.Change, error) {
	oldImg, err := fromEventMap(rec.Change.OldImage)
	if err != nil {
		return store.Change{}, fmt.Errorf("event record %s: %w", rec.EventID, err)
	}
	newImg, err := fromEventMap(rec.Change.NewImage)
	if err != nil {
		return store.Change{}, fmt.Errorf("event record %s: %w", rec.EventID, err)
	}
	ch, err := changeFromImages(oldImg, newImg, rec.Change.ApproximateCreationDateTime.UTC())
	if err != nil {
		return store.Change{}, fmt.Errorf("event record %s: %w", rec.EventID, err)
	}
	ch.Position = rec.Change.SequenceNumber
	return ch, nil
}

// changeFromImages builds a change at time at from the item before and after it; either may be
// empty. An item that had expired before a write replaced it counts as none, as it does for
// every read: the write created the item. The removal of an expired item (by the TTL process, or
// a delete) keeps it, so that consumers learn of it, as the SQLite engine's sweep reports it.
func changeFromImages(oldImg, newImg map[string]types.AttributeValue, at time.Time,
) (store.Change, error) {
	ch := store.Change{At: at}
	for _, img := range []struct {
		m  map[string]types.AttributeValue
		to **store.Item
	}{{oldImg, &ch.Old}, {newImg, &ch.New}} {
		if len(img.m) == 0 {
			continue
		}
		it, err := itemFromAttrs(img.m)
		if err != nil {
			return store.Change{}, err
		}
		*img.to = &it
		ch.Key, ch.Type = it.Key, it.Type
	}
	if ch.Old == nil && ch.New == nil {
		return store.Change{}, fmt.Errorf("record without images: the stream must be NEW_AND_OLD_IMAGES")
	}
	if ch.Old != nil && ch.New != nil && ch.Old.Expired(at) {
		ch.Old = nil
	}
	return ch, nil
}
