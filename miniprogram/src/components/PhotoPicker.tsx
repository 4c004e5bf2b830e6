import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { messageOf } from './PageShell'
import { chooseImages, uploadImage } from '../services/files'
import './PhotoPicker.css'

/** An uploaded image; `preview` is what the phone can show before or after upload. */
export interface Photo {
  fileId: string
  name: string
  preview: string
}

interface Props {
  max: number
  photos: Photo[]
  /** Receives an update of the current list, so uploads finishing one by one never overwrite each other. */
  onChange: (update: (photos: Photo[]) => Photo[]) => void
}

/** Photos of receipts, notices or minutes: picked on the phone, uploaded at once, each with a short caption. */
export function PhotoPicker({ max, photos, onChange }: Props) {
  const [uploading, setUploading] = useState(false)
  const [failure, setFailure] = useState('')
  const add = async () => {
    setFailure('')
    let paths: string[]
    try {
      paths = await chooseImages(max - photos.length)
    } catch {
      return // the person closed the picker
    }
    setUploading(true)
    try {
      for (const path of paths) {
        const { fileId } = await uploadImage(path)
        onChange((list) => [...list, { fileId, name: `图片${list.length + 1}`, preview: path }])
      }
    } catch (e) {
      setFailure(messageOf(e))
    } finally {
      setUploading(false)
    }
  }
  const rename = (fileId: string, name: string) => onChange((list) => list.map((p) => (p.fileId === fileId ? { ...p, name } : p)))
  return (
    <>
      <Text className="section-title">图片（可不填，最多{max}张）</Text>
      {photos.map((photo, i) => (
        <View key={photo.fileId} className="card photo-row">
          <Image className="photo-thumb" src={photo.preview} mode="aspectFill" nativeProps={{ alt: photo.name }} />
          <View className="photo-fields">
            <Text className="photo-label">第{i + 1}张图片的说明</Text>
            <Input className="boxed-input" value={photo.name} maxLength={60} onChange={(v) => rename(photo.fileId, v)} />
            <Button fill="none" onClick={() => onChange((list) => list.filter((p) => p.fileId !== photo.fileId))}>
              删除这张图片
            </Button>
          </View>
        </View>
      ))}
      {failure ? <View className="card error-text">{failure}</View> : null}
      {photos.length < max ? (
        <View className="photo-add">
          <Button block size="large" fill="outline" loading={uploading} onClick={() => void add()}>
            添加图片
          </Button>
        </View>
      ) : null}
    </>
  )
}

/** Uploaded images as a grid of thumbnails; tapping one opens the phone's image viewer. */
export function PhotoGrid({ images }: { images: { fileId: string; name: string; url: string }[] }) {
  if (images.length === 0) return null
  return (
    <View className="photo-grid">
      {images.map((a) => (
        <View key={a.fileId} className="attachment" onClick={() => void Taro.previewImage({ urls: images.map((x) => x.url), current: a.url })}>
          <Image className="attachment-image" src={a.url} mode="aspectFill" nativeProps={{ alt: a.name }} />
          <Text className="attachment-name">{a.name}</Text>
        </View>
      ))}
    </View>
  )
}
