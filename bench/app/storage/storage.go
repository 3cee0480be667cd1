// Package storage keeps product images in S3 and invoices in MinIO.
package storage

import (
	"bytes"
	"context"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/s3"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// Store puts objects in both stores.
type Store struct {
	s3     *s3.S3
	bucket string
	minio  *minio.Client
}

// New connects to S3 in region and to a MinIO server.
func New(region, bucket, minioHost, key, secret string) (*Store, error) {
	sess, err := session.NewSession(&aws.Config{Region: aws.String(region)})
	if err != nil {
		return nil, err
	}
	mc, err := minio.New(minioHost, &minio.Options{Creds: credentials.NewStaticV4(key, secret, "")})
	if err != nil {
		return nil, err
	}
	return &Store{s3: s3.New(sess), bucket: bucket, minio: mc}, nil
}

// PutImage stores a product image in S3.
func (s *Store) PutImage(name string, data []byte) error {
	_, err := s.s3.PutObject(&s3.PutObjectInput{Bucket: aws.String(s.bucket), Key: aws.String(name), Body: bytes.NewReader(data)})
	return err
}

// PutInvoice stores an invoice PDF in MinIO.
func (s *Store) PutInvoice(ctx context.Context, name string, data []byte) error {
	_, err := s.minio.PutObject(ctx, "invoices", name, bytes.NewReader(data), int64(len(data)), minio.PutObjectOptions{ContentType: "application/pdf"})
	return err
}
