package dynamo_test

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// The refusals below are DynamoDB's answers as the SDK deserializes them, with DynamoDB's
// messages.

func throttling() fault {
	return &types.ThrottlingException{
		Message: aws.String("Rate of requests exceeds the allowed throughput.")}
}

func overProvisioned() fault {
	return &types.ProvisionedThroughputExceededException{Message: aws.String(
		"The level of configured provisioned throughput for the table was exceeded.")}
}

// txConflict cancels a transaction of n operations because its last one conflicts with another
// transaction in progress on the same item.
func txConflict(n int) fault {
	reasons := make([]types.CancellationReason, n)
	for i := range reasons {
		reasons[i].Code = aws.String("None")
	}
	reasons[n-1] = types.CancellationReason{Code: aws.String("TransactionConflict"),
		Message: aws.String("Transaction is ongoing for the item")}
	return &types.TransactionCanceledException{
		Message: aws.String("Transaction cancelled, please refer cancellation reasons for " +
			"specific reasons [TransactionConflict]"),
		CancellationReasons: reasons}
}

// plainConflict refuses a plain write to an item a transaction is writing.
func plainConflict() fault {
	return &types.TransactionConflictException{
		Message: aws.String("Transaction is ongoing for the item")}
}
